package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IDEs complete llmops.* from the metadata the configuration processor writes into the jar. */
class ConfigurationMetadataTest {

  @Test
  void theMetadataListsEveryPropertyWithADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    metadata.get("properties").forEach(property -> {
      names.add(property.get("name").asText());
      assertThat(property.path("description").asText()).as(property.get("name").asText())
          .isNotBlank();
    });

    assertThat(names).contains("llmops.enabled", "llmops.project-id", "llmops.environment",
        "llmops.default-model-id", "llmops.sinks", "llmops.file-sink-dir", "llmops.redact-keys",
        "llmops.sqs.url", "llmops.variables", "llmops.annotations.enabled",
        "llmops.servlet.enabled", "llmops.webflux.enabled", "llmops.http.client.enabled",
        "llmops.metrics.enabled", "llmops.health.enabled", "llmops.health.down-when-failing");
  }
}
