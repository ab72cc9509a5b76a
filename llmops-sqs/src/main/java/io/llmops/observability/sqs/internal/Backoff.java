package io.llmops.observability.sqs.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code min(maxDelay, delay * multiplier^(n-1))}. Internal.
 */
final class Backoff {

  private final long delayNanos;
  private final double multiplier;
  private final long maxNanos;
  private final DoubleSupplier random;

  Backoff(Duration delay, double multiplier, Duration max, DoubleSupplier random) {
    this.delayNanos = delay.toNanos();
    this.multiplier = multiplier;
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** The wait before retry number {@code retry} (1-based). */
  long delayNanos(int retry) {
    double base = delayNanos * Math.pow(multiplier, Math.max(0, retry - 1));
    long capped = (long) Math.min(base, (double) maxNanos);
    return capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
  }
}
