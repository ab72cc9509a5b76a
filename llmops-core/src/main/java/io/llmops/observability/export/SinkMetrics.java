package io.llmops.observability.export;

/**
 * The SDK's counters as a sink sees them: what a sink adds here appears in
 * {@code Llmops.stats()}.
 *
 * <p>Implementations are thread-safe (a sink's own threads call them at once) and never throw.
 */
public interface SinkMetrics {

  /** Adds {@code delta} to the counter {@code name}, creating it at zero first. */
  void add(String name, long delta);

  /** The current value of {@code name}, zero when it never moved. */
  long get(String name);

  /** Adds one to the counter {@code name}. */
  default void increment(String name) {
    add(name, 1);
  }

  /** Counters that go nowhere, for sinks created outside a running SDK. */
  static SinkMetrics detached() {
    java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> values =
        new java.util.concurrent.ConcurrentHashMap<>();
    return new SinkMetrics() {
      @Override
      public void add(String name, long delta) {
        values.computeIfAbsent(name, k -> new java.util.concurrent.atomic.LongAdder()).add(delta);
      }

      @Override
      public long get(String name) {
        java.util.concurrent.atomic.LongAdder adder = values.get(name);
        return adder == null ? 0 : adder.sum();
      }
    };
  }
}
