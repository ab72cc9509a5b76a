package io.llmops.observability.internal.common;

/** Arithmetic on counts that stops at the ends of {@code long} instead of wrapping. Internal. */
public final class Saturating {

  private Saturating() {}

  /** {@code a + b}, or {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} where it would overflow. */
  public static long add(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }
}
