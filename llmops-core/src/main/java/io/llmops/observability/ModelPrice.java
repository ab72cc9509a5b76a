package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * What a model charges, in US dollars per million tokens. A null cache price means the provider
 * does not price cache reads (or writes) apart: those tokens are charged as input. Each price is
 * at most {@value #MAX_PER_MILLION} (a dollar a token), which keeps every cost finite.
 *
 * <p>Immutable and thread-safe.
 *
 * @param inputPerMillion uncached input tokens
 * @param outputPerMillion output tokens
 * @param cacheReadPerMillion input tokens read from the prompt cache, or null
 * @param cacheWritePerMillion input tokens written to the prompt cache, or null
 */
public record ModelPrice(
    double inputPerMillion, double outputPerMillion, @Nullable Double cacheReadPerMillion,
    @Nullable Double cacheWritePerMillion) {

  /** The highest price accepted, in dollars per million tokens. */
  public static final double MAX_PER_MILLION = 1_000_000;

  /**
   * Validates the prices.
   *
   * @throws IllegalArgumentException when a price is negative, not a number, or higher than
   *     {@link #MAX_PER_MILLION} (the message names it)
   */
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

  /**
   * Input and output prices per million tokens; cache tokens are charged as input.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public static ModelPrice perMillion(double input, double output) {
    return new ModelPrice(input, output, null, null);
  }

  /**
   * Input, output, cache-read and cache-write prices per million tokens.
   *
   * @throws IllegalArgumentException as the constructor
   */
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
