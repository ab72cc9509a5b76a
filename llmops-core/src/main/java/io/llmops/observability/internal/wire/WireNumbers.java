package io.llmops.observability.internal.wire;

import io.llmops.observability.internal.model.Cost;

/**
 * Numbers as the schema allows them: token counts are non-negative and saturate at
 * {@code Long.MAX_VALUE} instead of wrapping; costs are finite and non-negative. Internal.
 */
final class WireNumbers {

  private WireNumbers() {}

  /** {@code a + b} for counts, saturating at {@code Long.MAX_VALUE}; negatives count as 0. */
  static long add(long a, long b) {
    long sum = count(a) + count(b);
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** {@code a + b} for costs: a cost that is not a finite, non-negative number adds nothing. */
  static double add(double a, double b) {
    double sum = a + (isValid(b) ? b : 0);
    return Double.isFinite(sum) ? sum : Double.MAX_VALUE;
  }

  /** A count as written: never negative. */
  static long count(long value) {
    return Math.max(0, value);
  }

  static boolean isValid(Cost cost) {
    return isValid(cost.inputCost()) && isValid(cost.outputCost()) && isValid(cost.totalCost());
  }

  private static boolean isValid(double value) {
    return Double.isFinite(value) && value >= 0;
  }
}
