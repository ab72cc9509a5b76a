package io.llmops.observability.internal.engine;

/**
 * Argument checks shared by every {@code Span} implementation, so that all ignore the same
 * input: each returns whether the arguments are valid, and counts the call when they are not.
 */
final class SpanArguments {

  private SpanArguments() {}

  static boolean validUsage(long inputTokens, long outputTokens) {
    return valid("setUsage", "inputTokens", inputTokens >= 0)
        && valid("setUsage", "outputTokens", outputTokens >= 0);
  }

  static boolean validCost(double inputCost, double outputCost) {
    return valid("setCost", "inputCost", Double.isFinite(inputCost) && inputCost >= 0)
        && valid("setCost", "outputCost", Double.isFinite(outputCost) && outputCost >= 0);
  }

  /** Whether a name or key argument is present (null ones are ignored and counted). */
  static boolean present(String method, String argument, Object value) {
    return valid(method, argument, value != null);
  }

  private static boolean valid(String method, String argument, boolean valid) {
    if (!valid) {
      InvalidArguments.ignored(method, argument);
    }
    return valid;
  }
}
