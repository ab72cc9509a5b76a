package io.llmops.observability.processor.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named counters, thread-safe. */
public final class Counters {

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  public void increment(String name) {
    counters.computeIfAbsent(name, n -> new LongAdder()).increment();
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
