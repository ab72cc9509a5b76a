package io.llmops.observability.sqs.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether SQS is believed to take messages. Set down by failures of whole requests or exhausted
 * retries, up by any message sent (by a worker or by the replay): while down, new messages go
 * straight to the journal, except one every probe interval, which goes to the workers to find
 * out whether SQS answers again. Internal.
 */
final class SqsHealth {

  private final long probeIntervalNanos;
  private final AtomicLong nextProbe = new AtomicLong();
  private volatile boolean up = true;

  SqsHealth(Duration probeInterval) {
    this.probeIntervalNanos = probeInterval.toNanos();
  }

  boolean isUp() {
    return up;
  }

  /**
   * While SQS is believed down, whether the caller may send one message to test it: true at most
   * once per probe interval.
   */
  boolean tryProbe() {
    long due = nextProbe.get();
    long now = System.nanoTime();
    return now - due >= 0 && nextProbe.compareAndSet(due, now + probeIntervalNanos);
  }

  /** Records that SQS took a message; true when it was believed down until now. */
  boolean up() {
    if (up) {
      return false;
    }
    up = true;
    return true;
  }

  void down() {
    nextProbe.set(System.nanoTime() + probeIntervalNanos);
    up = false;
  }
}
