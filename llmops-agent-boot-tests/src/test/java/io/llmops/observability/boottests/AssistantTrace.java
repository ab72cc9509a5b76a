package io.llmops.observability.boottests;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one question to the fixture's assistant must produce: its span tree, in one trace. */
final class AssistantTrace {

  private AssistantTrace() {}

  /**
   * In project {@code project}, the agent span is the root; the tool run by {@code @Async}, the
   * tool run by a stage of the {@code CompletableFuture} chain and the model call are its
   * children.
   */
  static void assertShape(JsonNode trace, String project) {
    assertThat(trace.get("project_id").asText()).isEqualTo(project);
    assertThat(shape(trace)).containsExactly(
        "agent assistant <- (root)",
        "generation complete <- assistant",
        "tool search <- assistant",
        "tool weather <- assistant");
    assertThat(spansByName(trace).get("complete").get("model_id").asText())
        .isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
  }

  /** Each span as {@code "type name <- parent's name"}, sorted: what two runs must share. */
  static List<String> shape(JsonNode trace) {
    Map<String, JsonNode> spans = spansByName(trace);
    Map<String, String> names = new HashMap<>();
    spans.forEach((name, span) -> names.put(span.get("span_id").asText(), name));
    List<String> shape = new ArrayList<>();
    spans.forEach((name, span) -> shape.add(span.get("span_type").asText() + " " + name + " <- "
        + (parentOf(span) == null ? "(root)" : names.get(parentOf(span)))));
    shape.sort(null);
    return shape;
  }

  /** The question the assistant was asked: the argument its span recorded. */
  static String question(JsonNode trace) {
    return spansByName(trace).get("assistant").at("/input_data/kwargs/question").asText();
  }
}
