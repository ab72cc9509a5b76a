package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BedrockClientsFailureTest {

  @Test
  void aConfigurationTheRegistrationCannotTakeComesBackUnchangedAndIsCounted() {
    long failures = StartupStats.bedrockFailures();
    Object notAConfiguration = new Object();

    // This test's loader sees the SDK and llmops-bedrock, so the registration is found.
    assertThat(BedrockClients.withInterceptor(BedrockClientsFailureTest.class, notAConfiguration))
        .isSameAs(notAConfiguration);

    assertThat(StartupStats.bedrockFailures()).isEqualTo(failures + 1);
  }

  @Test
  void aBuilderWhoseLoaderHasNoSdkIsLeftAlone() {
    long failures = StartupStats.bedrockFailures();
    Object configuration = new Object();

    assertThat(BedrockClients.withInterceptor(Object.class, configuration)).isSameAs(configuration);

    assertThat(StartupStats.bedrockFailures()).isEqualTo(failures);
  }
}
