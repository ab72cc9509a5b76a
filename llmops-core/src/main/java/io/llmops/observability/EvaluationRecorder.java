package io.llmops.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Records an {@link Evaluation} as an {@code evaluation} span. Not public API. */
final class EvaluationRecorder {

  private EvaluationRecorder() {}

  static @Nullable String record(Evaluation evaluation) {
    LlmopsContext parent =
        evaluation.parent() != null ? evaluation.parent() : LlmopsContext.current();
    // Under a span whose trace was already sent, the evaluation goes out as a late segment.
    LlmopsEngine engine = Engine.get();
    if (!engine.hasLiveTrace(parent) && !engine.hasSpan(parent)) {
      return null;
    }
    SpanBuilder builder = engine.allowLateSegment(
        Llmops.spanBuilder(evaluation.name(), SpanType.EVALUATION).parent(parent));
    if (!evaluation.evaluatorMetadata().isEmpty()) {
      builder.metadata(Evaluation.METADATA_KEY, evaluation.evaluatorMetadata());
    }
    Span span = builder.startDetached();
    if (!span.isRecording()) {
      return null;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", evaluation.name());
    payload.put("score", evaluation.score());
    payload.put("label", evaluation.label());
    payload.put("rationale", evaluation.rationale());
    payload.put("trace_id", span.traceId());
    payload.put("parent_span_id", parent.spanId());
    payload.put("evaluated_span_id", evaluation.evaluatedSpanId());
    engine.setInputSection(span, Evaluation.INPUT_KEY, payload);
    span.end();
    return span.spanId();
  }
}
