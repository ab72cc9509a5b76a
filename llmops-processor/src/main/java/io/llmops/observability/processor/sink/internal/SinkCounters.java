package io.llmops.observability.processor.sink.internal;

import io.llmops.observability.processor.internal.Counters;
import java.util.Map;

/**
 * The fan-out's counters, {@code sink.<name>.<event>}: {@code delivered}, {@code failed},
 * {@code retried}, {@code skipped} (already delivered). Thread-safe. Internal.
 */
public final class SinkCounters {

  private final Counters counters = new Counters();

  public void delivered(String sink) {
    increment(sink, "delivered");
  }

  public void failed(String sink) {
    increment(sink, "failed");
  }

  public void retried(String sink) {
    increment(sink, "retried");
  }

  public void skipped(String sink) {
    increment(sink, "skipped");
  }

  /** The counters so far, by name, in name order. */
  public Map<String, Long> snapshot() {
    return counters.snapshot();
  }

  private void increment(String sink, String event) {
    counters.increment("sink." + sink + "." + event);
  }
}
