package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BedrockSwitchTest {

  private static Properties properties(String name, String value) {
    Properties properties = new Properties();
    properties.setProperty(name, value);
    return properties;
  }

  @Test
  void onUnlessSetToAFalseValue() {
    assertThat(BedrockInstrumentation.enabled(new Properties(), Map.of())).isTrue();
    assertThat(BedrockInstrumentation.enabled(new Properties(), Map.of("LLMOPS_AGENT_BEDROCK", "true"))).isTrue();
    for (String off : new String[] {"false", " FALSE ", "0", "no", "Off"}) {
      assertThat(BedrockInstrumentation.enabled(new Properties(), Map.of("LLMOPS_AGENT_BEDROCK", off)))
          .as(off).isFalse();
    }
  }

  @Test
  void theExactPropertyThenTheDottedPropertyThenTheEnvironment() {
    Properties both = properties("LLMOPS_AGENT_BEDROCK", "true");
    both.setProperty("llmops.agent.bedrock", "false");
    Map<String, String> off = Map.of("LLMOPS_AGENT_BEDROCK", "false");
    assertThat(BedrockInstrumentation.enabled(both, Map.of())).isTrue();
    assertThat(BedrockInstrumentation.enabled(properties("llmops.agent.bedrock", "true"), off)).isTrue();
    assertThat(BedrockInstrumentation.enabled(properties("llmops.agent.bedrock", "false"), Map.of())).isFalse();
    assertThat(BedrockInstrumentation.enabled(properties("LLMOPS_AGENT_BEDROCK", "off"), Map.of())).isFalse();
  }
}
