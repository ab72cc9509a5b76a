package io.llmops.observability.agent.spi;

import java.util.List;
import java.util.Map;

/**
 * One generation to evaluate.
 *
 * @param traceId the trace of the generation span
 * @param spanId the generation span
 * @param spanName its name
 * @param model the model id recorded on the span, or null
 * @param prompt the prompt recorded on the span, or null
 * @param response the response text read from the result, or null
 * @param criteria the evaluation criteria, for example {@code correctness}
 * @param metadata the annotation's {@code evaluationMetadata}
 */
public record EvaluationRequest(
    String traceId,
    String spanId,
    String spanName,
    String model,
    String prompt,
    String response,
    List<String> criteria,
    Map<String, String> metadata) {}
