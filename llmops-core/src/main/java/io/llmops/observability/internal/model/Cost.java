package io.llmops.observability.internal.model;

/** Cost of a generation in US dollars. Internal. */
public record Cost(double inputCost, double outputCost, double totalCost) {

  /** More than any one model call costs: a cost above it is an error in a price or a count. */
  public static final double MAX_PLAUSIBLE_USD = 1_000_000;

  /** A cost whose total is input plus output. */
  public static Cost of(double inputCost, double outputCost) {
    return new Cost(inputCost, outputCost, inputCost + outputCost);
  }

  /** Whether every part is a finite number from 0 to {@link #MAX_PLAUSIBLE_USD}. */
  public boolean plausible() {
    return plausible(inputCost) && plausible(outputCost) && plausible(totalCost);
  }

  private static boolean plausible(double usd) {
    return usd >= 0 && usd <= MAX_PLAUSIBLE_USD; // false for NaN and the infinities
  }
}
