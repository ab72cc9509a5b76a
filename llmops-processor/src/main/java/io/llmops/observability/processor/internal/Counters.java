package io.llmops.observability.processor.internal;

import io.llmops.observability.export.SinkMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named counters, thread-safe. */
public final class Counters implements SinkMetrics {

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  @Override
  public void add(String name, long delta) {
    counters.computeIfAbsent(name, n -> new LongAdder()).add(delta);
  }

  @Override
  public long get(String name) {
    LongAdder adder = counters.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** The counters so far, by name, added to {@code into}. */
  public Map<String, Long> addTo(Map<String, Long> into) {
    counters.forEach((name, adder) -> into.merge(name, adder.sum(), Long::sum));
    return into;
  }

  public Map<String, Long> snapshot() {
    return addTo(new TreeMap<>());
  }
}
