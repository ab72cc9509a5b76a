package io.llmops.observability.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.bedrock.GlobalBedrockInterceptor;
import io.llmops.observability.bedrock.LlmopsBedrockInterceptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class AgentRegistrationTest {

  private static final ExecutionInterceptor OTHER = new ExecutionInterceptor() {};

  private static SdkClientConfiguration configuration(ExecutionInterceptor... interceptors) {
    return SdkClientConfiguration.builder()
        .option(SdkClientOption.EXECUTION_INTERCEPTORS, List.of(interceptors)).build();
  }

  private static List<ExecutionInterceptor> interceptors(SdkClientConfiguration configuration) {
    return configuration.option(SdkClientOption.EXECUTION_INTERCEPTORS);
  }

  @Test
  void aClientWithoutTheInterceptorGetsOneAfterItsOwn() {
    SdkClientConfiguration registered = AgentRegistration.withInterceptor(configuration(OTHER));

    assertThat(interceptors(registered)).hasSize(2).first().isSameAs(OTHER);
    assertThat(interceptors(registered).get(1)).isInstanceOf(LlmopsBedrockInterceptor.class);
  }

  @Test
  void aClientWithNoInterceptorListGetsOne() {
    SdkClientConfiguration registered =
        AgentRegistration.withInterceptor(SdkClientConfiguration.builder().build());

    assertThat(interceptors(registered)).singleElement().isInstanceOf(LlmopsBedrockInterceptor.class);
  }

  @Test
  void aClientWithTheInterceptorOnItsBuilderIsLeftAsItIs() {
    SdkClientConfiguration configuration = configuration(OTHER, new LlmopsBedrockInterceptor());

    assertThat(AgentRegistration.withInterceptor(configuration)).isSameAs(configuration);
  }

  @Test
  void anActiveGlobalInterceptorRecordsAlreadyAnInactiveOneDoesNot() {
    GlobalBedrockInterceptor inactive = new GlobalBedrockInterceptor();
    System.setProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY, "true");
    GlobalBedrockInterceptor active;
    try {
      active = new GlobalBedrockInterceptor();
    } finally {
      System.clearProperty(GlobalBedrockInterceptor.SWITCH_PROPERTY);
    }
    SdkClientConfiguration withActive = configuration(active);

    assertThat(AgentRegistration.withInterceptor(withActive)).isSameAs(withActive);
    assertThat(interceptors(AgentRegistration.withInterceptor(configuration(inactive))))
        .hasSize(2).last().isInstanceOf(LlmopsBedrockInterceptor.class);
  }
}
