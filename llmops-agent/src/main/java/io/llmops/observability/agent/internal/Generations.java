package io.llmops.observability.agent.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Span;
import io.llmops.observability.spi.EvaluationHandOff;
import io.llmops.observability.spi.EvaluationSettings;

/** The {@code @TrackLlmCall} specifics: response text, usage and evaluation hand-off. Internal. */
final class Generations {

  private Generations() {}

  /**
   * Records what the core's response readers (registered {@code LlmResponseReader}s first) make
   * of the result on the open span; the caller ends it. The raw result is recorded as output by
   * the caller, per {@code captureOutput}.
   */
  static LlmResponse read(Span span, Object result) {
    LlmResponse response = LlmResponse.read(result);
    if (response != null) {
      span.recordLlmResponse(response);
    }
    return response;
  }

  /** After the span ended: hands the generation to the core's evaluation hand-off. */
  static void evaluate(Span span, TrackedMethod method, String model, String prompt, LlmResponse response) {
    if (method.evals().isEmpty()) {
      return;
    }
    EvaluationHandOff.handOff(span, method.spanName(), model, prompt, response,
        new EvaluationSettings(method.evals(), method.sampleRate(), method.evaluationMetadata()));
  }
}
