package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.common.Counters;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by every {@code Span} implementation, so that all ignore the same
 * input: each returns whether the arguments are valid, and counts the call when they are not,
 * in {@code counters} (the span's runtime), or in the installed runtime when that is null (the
 * no-op span belongs to none).
 */
final class SpanArguments {

  private SpanArguments() {}

  static boolean validUsage(@Nullable Counters counters, long inputTokens, long outputTokens) {
    return valid(counters, "setUsage", "inputTokens", inputTokens >= 0)
        && valid(counters, "setUsage", "outputTokens", outputTokens >= 0);
  }

  static boolean validCost(@Nullable Counters counters, double inputCost, double outputCost) {
    return valid(counters, "setCost", "inputCost", Double.isFinite(inputCost) && inputCost >= 0)
        && valid(counters, "setCost", "outputCost", Double.isFinite(outputCost) && outputCost >= 0);
  }

  static boolean validPromptReference(@Nullable Counters counters, @Nullable String name, int version) {
    return valid(counters, "setPromptReference", "name", PromptReference.validName(name))
        && valid(counters, "setPromptReference", "version", PromptReference.validVersion(version));
  }

  /** Whether a name or key argument is present (null ones are ignored and counted). */
  static boolean present(
      @Nullable Counters counters, String method, String argument, @Nullable Object value) {
    return valid(counters, method, argument, value != null);
  }

  private static boolean valid(
      @Nullable Counters counters, String method, String argument, boolean valid) {
    if (!valid) {
      if (counters == null) {
        InvalidArguments.ignored(method, argument);
      } else {
        InvalidArguments.ignored(counters, method, argument);
      }
    }
    return valid;
  }
}
