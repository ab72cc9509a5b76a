package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.testing.CapturedLog;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A misspelled {@code LLMOPS_*} variable is named in a warning with the closest known one. */
class MisspelledSettingsTest {

  private static LlmopsConfig build(Map<String, String> env, Properties props) {
    return LlmopsConfig.builder().environmentVariables(env).systemProperties(props)
        .dotEnvFile(null).build();
  }

  @Test
  void anUnknownEnvironmentVariableIsNamedWithTheClosestKnownOneAndNotItsValue() {
    try (CapturedLog log = CapturedLog.open()) {
      LlmopsConfig config = build(Map.of("LLMOPS_SINK", "console-secret-value"), new Properties());

      assertThat(config.sinkNames()).isEmpty();
      assertThat(log.text()).contains("LLMOPS_SINK (environment) is not a setting")
          .contains("did you mean LLMOPS_SINKS?").doesNotContain("console-secret-value");
    }
  }

  @Test
  void aDottedSystemPropertyIsCheckedInItsVariableForm() {
    Properties props = new Properties();
    props.setProperty("llmops.finalise.grace", "2");
    try (CapturedLog log = CapturedLog.open()) {
      build(Map.of(), props);

      assertThat(log.text()).contains("LLMOPS_FINALISE_GRACE (system property)")
          .contains("did you mean LLMOPS_FINALIZE_GRACE?");
    }
  }

  @Test
  void aNameFarFromEveryKnownOnePointsToTheDocs() {
    try (CapturedLog log = CapturedLog.open()) {
      build(Map.of("LLMOPS_COMPLETELY_DIFFERENT", "1"), new Properties());

      assertThat(log.text()).contains("LLMOPS_COMPLETELY_DIFFERENT (environment)")
          .contains("docs/CONFIGURATION.md");
    }
  }

  /** The agent's properties that are read as system properties only. */
  private static Properties agentProperties() {
    Properties props = new Properties();
    props.setProperty("llmops.agent.debug", "true");
    props.setProperty("llmops.agent.context-propagation", "false");
    return props;
  }

  @Test
  void knownVariablesOfEveryModuleAndOtherProgramsVariablesAreNotWarnedAbout() {
    try (CapturedLog log = CapturedLog.open()) {
      build(Map.of("LLMOPS_SINKS", "console", "LLMOPS_SQS_BATCH_SIZE", "5",
          "LLMOPS_JUDGE_MODEL", "m", "LLMOPS_AGENT_BEDROCK", "false", "PATH", "/bin",
          "MY_LLMOPS_THING", "x"), agentProperties());

      assertThat(log.text()).doesNotContain("is not a setting");
    }
  }
}
