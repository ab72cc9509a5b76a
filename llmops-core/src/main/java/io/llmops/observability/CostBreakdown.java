package io.llmops.observability;

/**
 * The cost of one generation in US dollars, by kind of token. Immutable and thread-safe; the
 * constructor does not validate (the SDK only makes finite, non-negative costs).
 *
 * @param inputCost uncached input tokens
 * @param cacheReadCost input tokens read from the prompt cache
 * @param cacheWriteCost input tokens written to the prompt cache
 * @param outputCost output tokens (reasoning included)
 * @param totalCost the sum of the four
 */
public record CostBreakdown(
    double inputCost, double cacheReadCost, double cacheWriteCost, double outputCost,
    double totalCost) {

  /** Everything charged for the prompt: uncached input plus cache reads and writes. */
  public double promptCost() {
    return inputCost + cacheReadCost + cacheWriteCost;
  }
}
