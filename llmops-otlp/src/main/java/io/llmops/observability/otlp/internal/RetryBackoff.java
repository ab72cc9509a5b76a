package io.llmops.observability.otlp.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pause before each retry of one request: {@code LLMOPS_OTLP_RETRY_DELAY} first, then times
 * 1.5, at most 5 s (or the first delay, when that is longer): the OpenTelemetry exporter's policy,
 * so that spans and scores back off alike. One instance per request.
 */
final class RetryBackoff {

  static final double MULTIPLIER = 1.5;
  static final Duration MAX = Duration.ofSeconds(5);

  private final long maxNanos;
  private long nextNanos;

  RetryBackoff(Duration first) {
    this.nextNanos = first.toNanos();
    this.maxNanos = Math.max(nextNanos, MAX.toNanos());
  }

  /** The pause before the next retry, in nanoseconds; each call returns a longer one, up to the bound. */
  long next() {
    long pause = nextNanos;
    nextNanos = Math.min(maxNanos, (long) (nextNanos * MULTIPLIER));
    return pause;
  }

  /** Sleeps {@code nanos}; false (the interrupt kept) when interrupted. */
  static boolean pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
