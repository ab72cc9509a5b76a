package io.llmops.observability;

/**
 * What a model charges, in US dollars per million tokens. A null cache price means the provider
 * does not price cache reads (or writes) apart: those tokens are charged as input. Each price is
 * at most {@value #MAX_PER_MILLION} (a dollar a token), which keeps every cost finite.
 *
 * @param inputPerMillion uncached input tokens
 * @param outputPerMillion output tokens
 * @param cacheReadPerMillion input tokens read from the prompt cache, or null
 * @param cacheWritePerMillion input tokens written to the prompt cache, or null
 */
public record ModelPrice(
    double inputPerMillion, double outputPerMillion, Double cacheReadPerMillion,
    Double cacheWritePerMillion) {

  /** The highest price accepted, in dollars per million tokens. */
  public static final double MAX_PER_MILLION = 1_000_000;

  /** Rejects negative, non-finite or higher than {@link #MAX_PER_MILLION} prices with IllegalArgumentException. */
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
    if (!(value >= 0 && value <= MAX_PER_MILLION)) { // also false for NaN
      throw new IllegalArgumentException(name + " must be a number from 0 to " + MAX_PER_MILLION
          + " (dollars per million tokens): " + value);
    }
  }
}
