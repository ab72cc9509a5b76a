package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The columns of the traces list, read from a wire-format trace (docs/WIRE_FORMAT.md): what the
 * list shows and filters on without opening the trace.
 *
 * @param scores evaluation verdicts, each {@code {name, score, label}}
 */
public record TraceSummary(
    String traceId,
    String name,
    String project,
    String environment,
    @Nullable String userId,
    @Nullable String sessionId,
    List<String> tags,
    String status,
    List<String> models,
    long startMs,
    long durationMs,
    long inputTokens,
    long outputTokens,
    long totalTokens,
    double cost,
    int spanCount,
    int errorCount,
    ArrayNode scores) {

  /** The summary of {@code trace}, whose {@code trace_id} is a non-empty string. */
  public static TraceSummary of(ObjectNode trace) {
    JsonNode spans = trace.path("spans");
    Set<String> models = new LinkedHashSet<>();
    ArrayNode scores = JsonNodeFactory.instance.arrayNode();
    int errors = 0;
    long spanInput = 0;
    long spanOutput = 0;
    double spanCost = 0;
    for (JsonNode span : spans) {
      if (span.path("model_id").isTextual() && !span.get("model_id").asText().isBlank()) {
        models.add(span.get("model_id").asText());
      }
      if ("error".equals(span.path("status").asText())) {
        errors++;
      }
      spanInput += span.path("usage").path("input_tokens").asLong(0);
      spanOutput += span.path("usage").path("output_tokens").asLong(0);
      spanCost += finiteOrZero(span.path("cost").path("total_cost").asDouble(0));
      JsonNode evaluation = span.path("input_data").path("evaluation");
      if ("evaluation".equals(span.path("span_type").asText()) && evaluation.isObject()) {
        ObjectNode score = scores.addObject();
        score.put("name", evaluation.path("name").asText(span.path("span_name").asText("evaluation")));
        score.set("score", evaluation.path("score").isNumber() ? evaluation.get("score") : null);
        score.set("label", evaluation.path("label").isTextual() ? evaluation.get("label") : null);
      }
    }
    JsonNode usage = trace.path("token_usage");
    // A trace declares its totals; one rebuilt from OTLP spans has only what its spans add up to.
    long input = Math.max(usage.path("total_input_tokens").asLong(0), spanInput);
    long output = Math.max(usage.path("total_output_tokens").asLong(0), spanOutput);
    long total = Math.max(usage.path("total_tokens").asLong(0), input + output);
    double cost = Math.max(finiteOrZero(trace.path("cost").path("total_cost").asDouble(0)), spanCost);
    double start = trace.path("start_time").asDouble(0);
    return new TraceSummary(
        trace.get("trace_id").asText(),
        trace.path("trace_name").asText(""),
        trace.path("project_id").asText(""),
        trace.path("environment").asText(""),
        textOrNull(trace.get("user_id")),
        textOrNull(trace.get("session_id")),
        strings(trace.path("tags")),
        errors > 0 ? "error" : "success",
        List.copyOf(models),
        Math.round(start * 1000),
        trace.path("duration_ms").asLong(Math.round((trace.path("end_time").asDouble(start) - start) * 1000)),
        input,
        output,
        total,
        cost,
        spans.size(),
        errors,
        scores);
  }

  private static double finiteOrZero(double value) {
    return Double.isFinite(value) && value > 0 ? value : 0;
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> {
      if (value.isTextual()) {
        values.add(value.asText());
      }
    });
    return List.copyOf(new LinkedHashSet<>(values));
  }
}
