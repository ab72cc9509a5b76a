package io.llmops.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootVersion;

/** The shared example's tests run here on the versions this module names. */
class ExampleVersionsTest {

  @Test
  void theExampleRunsOnBoot4AndSpringAi2() {
    assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
    assertThat(ChatClient.class.getPackage().getImplementationVersion()).startsWith("2.0.");
  }
}
