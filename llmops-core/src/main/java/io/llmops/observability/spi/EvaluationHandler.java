package io.llmops.observability.spi;

/**
 * Receives the generations that a {@code @TrackLlmCall(evals = ...)} (or {@code evaluation =
 * true}) method produced and that its {@code sampleRate} selected, whichever way the annotation
 * is applied (the agent, Spring AOP): both hand them over through {@link EvaluationHandOff}.
 * Found with {@link java.util.ServiceLoader}, listed in {@code
 * META-INF/services/io.llmops.observability.spi.EvaluationHandler}; without one, the evaluation
 * parameters are read and validated but nothing is evaluated. Running the evaluation
 * (LLM-as-judge, {@code llmops-evals}) is the implementation's job.
 *
 * <p>Called on the thread that ends the span, after it ended; must hand the work off quickly and
 * should not throw (an exception is logged once). Implementations must be thread-safe: any
 * number of application threads may end generation spans at once.
 */
public interface EvaluationHandler {

  /** Takes {@code request} (never null) for evaluation, without blocking. */
  void evaluate(EvaluationRequest request);
}
