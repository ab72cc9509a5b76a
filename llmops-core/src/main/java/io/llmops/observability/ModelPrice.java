package io.llmops.observability;

/**
 * What a model charges, in US dollars per million tokens. A null cache price means the provider
 * does not price cache reads (or writes) apart: those tokens are charged as input.
 *
 * @param inputPerMillion uncached input tokens
 * @param outputPerMillion output tokens
 * @param cacheReadPerMillion input tokens read from the prompt cache, or null
 * @param cacheWritePerMillion input tokens written to the prompt cache, or null
 */
public record ModelPrice(
    double inputPerMillion, double outputPerMillion, Double cacheReadPerMillion,
    Double cacheWritePerMillion) {

  /** Rejects negative or non-finite prices with IllegalArgumentException. */
  public ModelPrice {
    check("inputPerMillion", inputPerMillion);
    check("outputPerMillion", outputPerMillion);
    if (cacheReadPerMillion != null) {
      check("cacheReadPerMillion", cacheReadPerMillion);
    }
    if (cacheWritePerMillion != null) {
      check("cacheWritePerMillion", cacheWritePerMillion);
    }
  }

  /** Input and output prices per million tokens; cache tokens are charged as input. */
  public static ModelPrice perMillion(double input, double output) {
    return new ModelPrice(input, output, null, null);
  }

  /** Input, output, cache-read and cache-write prices per million tokens. */
  public static ModelPrice perMillion(double input, double output, double cacheRead, double cacheWrite) {
    return new ModelPrice(input, output, cacheRead, cacheWrite);
  }

  private static void check(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite, non-negative number: " + value);
    }
  }
}
