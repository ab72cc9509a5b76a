package io.llmops.observability.spi;

import io.llmops.observability.LlmopsContext;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One generation to evaluate.
 *
 * <p>Immutable as long as the list and map given to it are not changed: the record keeps them
 * as given ({@link EvaluationHandOff} hands it unmodifiable ones). Safe to hand to other threads.
 *
 * @param traceId the trace of the generation span
 * @param spanId the generation span
 * @param spanName its name
 * @param model the model id recorded on the span, or null
 * @param prompt the prompt recorded on the span, or null
 * @param response the response text read from the result, or null
 * @param criteria the evaluation criteria, for example {@code correctness}
 * @param metadata the annotation's {@code evaluationMetadata}
 * @param context a context naming the generation span, to record the evaluation under with
 *     {@code Evaluation.Builder.parent}; {@link LlmopsContext#empty()} when unknown (a null given
 *     to the constructor becomes that)
 */
public record EvaluationRequest(
    String traceId,
    String spanId,
    String spanName,
    @Nullable String model,
    @Nullable String prompt,
    @Nullable String response,
    List<String> criteria,
    Map<String, String> metadata,
    LlmopsContext context) {

  /** The canonical constructor; never throws. */
  public EvaluationRequest {
    context = context == null ? LlmopsContext.empty() : context;
  }

  /** A request without a context (the evaluation cannot be attached to the generation). */
  public EvaluationRequest(String traceId, String spanId, String spanName, @Nullable String model,
      @Nullable String prompt, @Nullable String response, List<String> criteria,
      Map<String, String> metadata) {
    this(traceId, spanId, spanName, model, prompt, response, criteria, metadata, null);
  }
}
