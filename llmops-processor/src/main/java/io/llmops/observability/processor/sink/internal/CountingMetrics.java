package io.llmops.observability.processor.sink.internal;

import io.llmops.observability.export.SinkMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters by name: what an llmops-otlp sink adds, and the fan-out's own, kept for the processor
 * to read. Thread-safe. Internal.
 */
public final class CountingMetrics implements SinkMetrics {

  private final Map<String, LongAdder> values = new ConcurrentHashMap<>();

  @Override
  public void add(String name, long delta) {
    values.computeIfAbsent(name, n -> new LongAdder()).add(delta);
  }

  @Override
  public long get(String name) {
    LongAdder adder = values.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** Every counter, by name, in name order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    values.forEach((name, adder) -> snapshot.put(name, adder.sum()));
    return snapshot;
  }
}
