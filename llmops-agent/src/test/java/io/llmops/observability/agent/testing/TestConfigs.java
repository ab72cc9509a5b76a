package io.llmops.observability.agent.testing;

import io.llmops.observability.LlmopsConfig;
import java.util.Map;
import java.util.Properties;

/** Configurations isolated from the machine's environment, system properties and .env. */
public final class TestConfigs {

  private TestConfigs() {}

  /** A builder that reads nothing from the process: only what the test sets. */
  public static LlmopsConfig.Builder isolated() {
    return LlmopsConfig.builder()
        .environmentVariables(Map.of())
        .systemProperties(new Properties())
        .dotEnvFile(null)
        .projectId("test_project")
        .environment("test");
  }
}
