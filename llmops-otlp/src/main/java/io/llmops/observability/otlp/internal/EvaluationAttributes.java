package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributesBuilder;

/** An evaluation span's verdict under the GenAI evaluation keys ({@code gen_ai.evaluation.*}). */
final class EvaluationAttributes {

  private EvaluationAttributes() {}

  static void put(AttributesBuilder attributes, JsonNode span) {
    JsonNode input = span.get("input_data");
    JsonNode evaluation = input == null ? null : input.get("evaluation");
    if (evaluation == null || !evaluation.isObject()) {
      return;
    }
    TraceAttributes.putText(attributes, "gen_ai.evaluation.name", JsonValues.text(evaluation, "name"));
    JsonNode score = evaluation.get("score");
    if (score != null && score.isNumber()) {
      attributes.put("gen_ai.evaluation.score.value", score.doubleValue());
    }
    TraceAttributes.putText(
        attributes, "gen_ai.evaluation.score.label", JsonValues.text(evaluation, "label"));
    TraceAttributes.putText(
        attributes, "gen_ai.evaluation.explanation", JsonValues.text(evaluation, "rationale"));
  }
}
