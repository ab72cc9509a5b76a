package io.llmops.observability.internal.engine;

/** Argument checks shared by every {@code Span} implementation, so all reject the same input. */
final class SpanArguments {

  private SpanArguments() {}

  static void checkUsage(long inputTokens, long outputTokens) {
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens must be >= 0, got " + inputTokens);
    }
    if (outputTokens < 0) {
      throw new IllegalArgumentException("outputTokens must be >= 0, got " + outputTokens);
    }
  }

  static void checkCost(double inputCost, double outputCost) {
    if (!Double.isFinite(inputCost) || inputCost < 0) {
      throw new IllegalArgumentException("inputCost must be a finite number >= 0, got " + inputCost);
    }
    if (!Double.isFinite(outputCost) || outputCost < 0) {
      throw new IllegalArgumentException("outputCost must be a finite number >= 0, got " + outputCost);
    }
  }
}
