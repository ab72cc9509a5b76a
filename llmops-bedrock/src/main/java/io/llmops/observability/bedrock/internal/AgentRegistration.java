package io.llmops.observability.bedrock.internal;

import io.llmops.observability.bedrock.GlobalBedrockInterceptor;
import io.llmops.observability.bedrock.LlmopsBedrockInterceptor;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What {@code llmops-agent} calls, by reflection through the SDK's own class loader, once a
 * Bedrock Runtime client builder has resolved its configuration: the client gets a
 * {@link LlmopsBedrockInterceptor} unless one already records its calls (registered on the
 * builder, or the {@link GlobalBedrockInterceptor} with its switch on). Internal: the agent and
 * this module are released together.
 */
public final class AgentRegistration {

  private AgentRegistration() {}

  /** The configuration with the interceptor added last, or the same object when it needs none. */
  public static SdkClientConfiguration withInterceptor(SdkClientConfiguration configuration) {
    List<ExecutionInterceptor> interceptors =
        configuration.option(SdkClientOption.EXECUTION_INTERCEPTORS);
    List<ExecutionInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    if (all.stream().anyMatch(AgentRegistration::records)) {
      return configuration;
    }
    all.add(new LlmopsBedrockInterceptor());
    return configuration.toBuilder().option(SdkClientOption.EXECUTION_INTERCEPTORS, all).build();
  }

  private static boolean records(ExecutionInterceptor interceptor) {
    return interceptor instanceof LlmopsBedrockInterceptor
        || interceptor instanceof GlobalBedrockInterceptor global && global.active();
  }
}
