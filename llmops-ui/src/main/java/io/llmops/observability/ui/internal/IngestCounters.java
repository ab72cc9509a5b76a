package io.llmops.observability.ui.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what was stored and what was not, by path and reason. Thread-safe. */
public final class IngestCounters {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /** Adds {@code n} to {@code name}. */
  public void add(String name, long n) {
    counts.computeIfAbsent(name, key -> new AtomicLong()).addAndGet(n);
  }

  /** The count of {@code name}, 0 when never counted. */
  public long get(String name) {
    AtomicLong count = counts.get(name);
    return count == null ? 0 : count.get();
  }

  /** Every count, by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((name, count) -> snapshot.put(name, count.get()));
    return snapshot;
  }
}
