package io.llmops.observability.internal.engine;

import java.time.Instant;

/**
 * Epoch microseconds from {@link System#nanoTime()} added to a wall-clock anchor taken at most a
 * second earlier: microsecond precision without allocating an {@link Instant} per reading (two
 * per span), while re-anchoring keeps it within NTP's corrections of the wall clock. Internal.
 */
final class AnchoredClock implements EpochClock {

  private static final long REANCHOR_NANOS = 1_000_000_000L;

  private record Anchor(long epochMicros, long nanoTime) {
    static Anchor now() {
      Instant wall = Instant.now();
      return new Anchor(wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000, System.nanoTime());
    }
  }

  private volatile Anchor anchor = Anchor.now();

  @Override
  public long nowMicros() {
    Anchor current = anchor;
    long elapsed = System.nanoTime() - current.nanoTime();
    if (elapsed > REANCHOR_NANOS || elapsed < 0) {
      current = Anchor.now();
      anchor = current;
      elapsed = 0;
    }
    return current.epochMicros() + elapsed / 1_000;
  }
}
