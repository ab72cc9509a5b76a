package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.spring.boot.internal.PropertyVariables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** llmops.* properties configure the SDK below its own sources, above the defaults. */
class PropertiesPrecedenceTest {

  private static LlmopsConfig config(LlmopsProperties properties, Map<String, String> env,
      Properties system) {
    return PropertyVariables.config(properties, LlmopsConfig.builder()
        .environmentVariables(env).systemProperties(system).dotEnvFile(null));
  }

  private static LlmopsProperties properties() {
    LlmopsProperties properties = new LlmopsProperties();
    properties.setProjectId("from-yaml");
    properties.setEnvironment("uat");
    properties.setSinks(List.of("file", "console"));
    properties.setFileSinkDir(Path.of("/tmp/llmops-traces"));
    properties.getVariables().put("LLMOPS_MAX_SPANS_PER_TRACE", "50");
    return properties;
  }

  @Test
  void propertiesSetWhatNoOtherSourceSets() {
    LlmopsConfig config = config(properties(), Map.of(), new Properties());

    assertThat(config.projectId()).isEqualTo("from-yaml");
    assertThat(config.environment()).isEqualTo("uat");
    assertThat(config.sinkNames()).containsExactly("file", "console");
    assertThat(config.fileSinkDir()).isEqualTo(Path.of("/tmp/llmops-traces"));
    assertThat(config.maxSpansPerTrace()).isEqualTo(50);
  }

  @Test
  void anEnvironmentVariableWinsOverAProperty() {
    LlmopsConfig config = config(properties(), Map.of("LLMOPS_PROJECT_ID", "from-env"),
        new Properties());

    assertThat(config.projectId()).isEqualTo("from-env");
    assertThat(config.environment()).isEqualTo("uat");
  }

  @Test
  void anEnvironmentVariableUnderAnAliasWinsToo() {
    LlmopsConfig config = config(properties(), Map.of("PROJECT_ID", "from-alias", "ENV", "prod"),
        new Properties());

    assertThat(config.projectId()).isEqualTo("from-alias");
    assertThat(config.environment()).isEqualTo("prod");
  }

  @Test
  void aSystemPropertyWinsOverAProperty() {
    Properties system = new Properties();
    system.setProperty("llmops.max.spans.per.trace", "70");

    assertThat(config(properties(), Map.of(), system).maxSpansPerTrace()).isEqualTo(70);
  }

  @Test
  void unsetPropertiesLeaveTheDefaults() {
    LlmopsConfig config = config(new LlmopsProperties(), Map.of(), new Properties());

    assertThat(config.enabled()).isTrue();
    assertThat(config.maxSpansPerTrace())
        .isEqualTo(LlmopsConfig.builder().environmentVariables(Map.of())
            .systemProperties(new Properties()).dotEnvFile(null).build().maxSpansPerTrace());
  }

  @Test
  void anInvalidPropertyFailsNamingTheVariableAndNotTheValue() {
    LlmopsProperties properties = new LlmopsProperties();
    properties.getVariables().put("LLMOPS_MAX_SPANS_PER_TRACE", "lots-secret");

    assertThatThrownBy(() -> config(properties, Map.of(), new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LLMOPS_MAX_SPANS_PER_TRACE")
        .hasMessageNotContaining("lots-secret");
  }

  @Test
  void theSqsUrlPropertyIsTheAwsSqsUrlVariable() {
    LlmopsProperties properties = new LlmopsProperties();
    properties.getSqs().setUrl("https://sqs.eu-west-1.amazonaws.com/123/traces");

    LlmopsConfig config = config(properties, Map.of(), new Properties());

    assertThat(config.raw("AWS_SQS_URL")).contains("https://sqs.eu-west-1.amazonaws.com/123/traces");
  }
}
