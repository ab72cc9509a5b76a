package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;

/**
 * Inlined by {@link HttpClientWeaving} at the start of the OkHttp client's constructor that takes
 * its builder: {@code new OkHttpClient()} builds from a fresh builder without calling {@code
 * build()}, so the constructor, which both paths go through, is where the builder is handed to
 * its llmops integration, before the client copies it. May refer to JDK types and {@link
 * ClientBuilders} only. Internal.
 */
final class ClientConstructorAdvice {

  private ClientConstructorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object builder) {
    ClientBuilders.instrument(builder);
  }
}
