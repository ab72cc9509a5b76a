package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;

/**
 * Inlined by {@link HttpClientWeaving} at the start of {@code build()} of the Apache HttpClient 5
 * builders: the builder is handed to its llmops integration first (OkHttp's is handed over in its
 * client's constructor, {@link ClientConstructorAdvice}). May refer to
 * JDK types and {@link ClientBuilders} only: the client libraries are not visible to the agent.
 * Internal.
 */
final class ClientBuilderAdvice {

  private ClientBuilderAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object builder) {
    ClientBuilders.instrument(builder);
  }
}
