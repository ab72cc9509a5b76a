package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Langfuse scores ({@code POST /api/public/scores}) of an evaluation span's verdict
 * ({@code input_data.evaluation}, docs/TELEMETRY.md): a numeric score becomes a {@code NUMERIC}
 * score named after the evaluation with the rationale as comment; a label becomes a
 * {@code CATEGORICAL} score named {@code <name>.label} (a name of its own, so that one name never
 * mixes two data types). Both attach to the evaluated span (its §2a 16-hex id) and carry a
 * deterministic id, {@code <evaluation span hex>-<score name>}, so that a retry or a re-export
 * upserts. A verdict with a rationale only gives no score (the evaluation span carries it).
 */
final class EvaluationScores {

  /** One score: its id, its trace, the id of the evaluation span it comes from, and its JSON body. */
  record Score(String id, String traceId, String evaluationSpanId, String body) {}

  private EvaluationScores() {}

  /**
   * The scores of {@code span}; empty for a span that carries no verdict.
   *
   * @param evaluationSpanId the span's 16-hex id
   * @param traceId the trace's 32-hex id
   * @param environment the trace's environment as written (normalised here as Langfuse would)
   */
  static List<Score> of(JsonNode span, String evaluationSpanId, String traceId, String environment) {
    JsonNode input = span.get("input_data");
    JsonNode evaluation = input == null ? null : input.get("evaluation");
    if (evaluation == null || !evaluation.isObject()) {
      return List.of();
    }
    String name = JsonValues.text(evaluation, "name");
    if (name == null || name.isBlank()) {
      name = "evaluation";
    }
    ObjectNode common = JsonValues.MAPPER.createObjectNode();
    common.put("traceId", traceId);
    String observationId = WireIds.spanId(JsonValues.text(evaluation, "evaluated_span_id"));
    if (observationId != null) {
      common.put("observationId", observationId);
    }
    common.put("environment", LangfuseEnvironment.normalise(environment));
    String rationale = JsonValues.text(evaluation, "rationale");
    if (rationale != null) {
      common.put("comment", rationale);
    }
    String label = JsonValues.text(evaluation, "label");
    common.set("metadata", metadata(span, evaluationSpanId, label));

    List<Score> scores = new ArrayList<>(2);
    JsonNode value = evaluation.get("score");
    if (value != null && value.isNumber() && Double.isFinite(value.doubleValue())) {
      ObjectNode numeric = score(common, evaluationSpanId, name, "NUMERIC");
      numeric.set("value", value);
      scores.add(new Score(numeric.get("id").textValue(), traceId, evaluationSpanId,
          JsonValues.json(numeric)));
    }
    if (label != null && !label.isEmpty()) {
      ObjectNode categorical = score(common, evaluationSpanId, name + ".label", "CATEGORICAL");
      categorical.put("value", label);
      scores.add(new Score(categorical.get("id").textValue(), traceId, evaluationSpanId,
          JsonValues.json(categorical)));
    }
    return scores;
  }

  private static ObjectNode score(ObjectNode common, String evaluationSpanId, String name, String dataType) {
    ObjectNode score = JsonValues.MAPPER.createObjectNode();
    score.put("id", evaluationSpanId + "-" + name);
    score.put("name", name);
    score.put("dataType", dataType);
    score.setAll(common);
    return score;
  }

  /** The evaluator's metadata, the label, and the evaluation span's id. */
  private static ObjectNode metadata(JsonNode span, String evaluationSpanId, @Nullable String label) {
    ObjectNode metadata = JsonValues.MAPPER.createObjectNode();
    JsonNode spanMetadata = span.get("metadata");
    JsonNode evaluator = spanMetadata == null ? null : JsonValues.present(spanMetadata, "evaluator");
    if (evaluator != null) {
      metadata.set("evaluator", evaluator);
    }
    if (label != null) {
      metadata.put("label", label);
    }
    metadata.put("evaluation_span_id", evaluationSpanId);
    return metadata;
  }
}
