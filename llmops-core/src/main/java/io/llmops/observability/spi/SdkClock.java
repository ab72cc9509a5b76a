package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;

/**
 * The running runtime's clock, for integrations that stamp what they record (an event's time, a
 * call measured outside a span) on the same time line as its spans. Thread-safe; never throws.
 */
public final class SdkClock {

  private SdkClock() {}

  /**
   * Microseconds since the epoch on the runtime's clock; the system clock if the runtime cannot
   * be reached.
   */
  public static long nowMicros() {
    try {
      return Bridge.core().nowMicros();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("sdk-clock", "llmops: the runtime's clock could not be read", e);
      java.time.Instant now = java.time.Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
  }
}
