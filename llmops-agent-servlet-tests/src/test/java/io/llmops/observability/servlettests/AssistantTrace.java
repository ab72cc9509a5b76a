package io.llmops.observability.servlettests;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What one request to {@code /ask} must produce: the assistant's span tree, in one trace. */
final class AssistantTrace {

  private AssistantTrace() {}

  /**
   * The agent span is the root; both tools (one run on the servlet's executor, one on the common
   * pool) and the model call are its children, in project {@code project}.
   */
  static void assertShape(JsonNode trace, String project) {
    assertThat(trace.get("project_id").asText()).isEqualTo(project);
    Map<String, JsonNode> spans = spansByName(trace);
    assertThat(spans.keySet()).containsExactlyInAnyOrder("assistant", "weather", "search", "complete");
    JsonNode root = spans.get("assistant");
    assertThat(root.get("span_type").asText()).isEqualTo("agent");
    assertThat(parentOf(root)).isNull();
    String rootId = root.get("span_id").asText();
    for (String tool : List.of("weather", "search")) {
      assertThat(spans.get(tool).get("span_type").asText()).as(tool).isEqualTo("tool");
      assertThat(parentOf(spans.get(tool))).as("parent of " + tool).isEqualTo(rootId);
    }
    assertThat(spans.get("complete").get("span_type").asText()).isEqualTo("generation");
    assertThat(parentOf(spans.get("complete"))).isEqualTo(rootId);
  }

  /** The question the assistant was asked: the argument its span recorded. */
  static String question(JsonNode trace) {
    return spansByName(trace).get("assistant").at("/input_data/kwargs/question").asText();
  }
}
