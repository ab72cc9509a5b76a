package io.llmops.observability.processor.sink.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fan-out's counters, {@code sink.<name>.<event>}: {@code delivered}, {@code failed},
 * {@code retried}, {@code skipped} (already delivered). Thread-safe. Internal.
 */
public final class SinkCounters {

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

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
    Map<String, Long> snapshot = new TreeMap<>();
    counters.forEach((name, adder) -> snapshot.put(name, adder.sum()));
    return snapshot;
  }

  private void increment(String sink, String event) {
    counters.computeIfAbsent("sink." + sink + "." + event, name -> new LongAdder()).increment();
  }
}
