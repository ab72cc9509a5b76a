package io.llmops.observability.agent.spi;

/**
 * Receives the generations that a {@code @TrackLlmCall(evals = ...)} (or {@code evaluation =
 * true}) method produced and that its {@code sampleRate} selected. Found with {@link
 * java.util.ServiceLoader}; without one, the evaluation parameters are read and validated but
 * nothing is evaluated. Running the evaluation (LLM-as-judge) is the implementation's job.
 *
 * <p>Called on the thread that ends the span, after it ended; must hand the work off quickly and
 * should not throw (an exception is logged once). Implementations must be thread-safe: any
 * number of application threads may end generation spans at once.
 */
public interface EvaluationHandler {

  /** Takes {@code request} (never null) for evaluation, without blocking. */
  void evaluate(EvaluationRequest request);
}
