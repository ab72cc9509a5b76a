package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined by {@link BedrockInstrumentation} at the end of {@code invokePlugins}, the last step in
 * which a Bedrock Runtime client builder resolves its configuration: the configuration it returns
 * is the one {@link BedrockClients} gives back. May refer to JDK types and {@link BedrockClients}
 * only: the AWS SDK is not visible to the agent. Internal.
 */
final class BedrockAdvice {

  private BedrockAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Origin Class<?> builder,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object configuration) {
    configuration = BedrockClients.withInterceptor(builder, configuration);
  }
}
