package io.llmops.observability;

import java.util.Map;

/**
 * A point-in-time copy of the SDK's counters. Names are stable and documented in
 * docs/OPERATIONS.md; losses are counted under {@code dropped.<reason>}, per-sink outcomes under
 * {@code handed_off.<sink>} and {@code export_failed.<sink>} (what a sink then did with what it
 * took is in its own counters: {@code sqs.sent}, {@code sqs.spilled}, ...).
 *
 * <p>Immutable and thread-safe; no method throws.
 */
public final class LlmopsStats {

  private final Map<String, Long> counters;

  /**
   * A copy of {@code counters}.
   *
   * @throws IllegalArgumentException when {@code counters} is null or has a null key or value
   */
  public LlmopsStats(Map<String, Long> counters) {
    this.counters = Map.copyOf(counters);
  }

  /** Every counter by name (unmodifiable). */
  public Map<String, Long> counters() {
    return counters;
  }

  /** One counter, zero when it never moved. */
  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public long tracesStarted() {
    return get("traces.started");
  }

  public long tracesFinalized() {
    return get("traces.finalized");
  }

  public long spansRecorded() {
    return get("spans.recorded");
  }

  /**
   * Messages handed to a sink, over all sinks: written, for the file and console sinks; accepted
   * for delivery, not yet delivered, for the SQS sink.
   */
  public long handedOff() {
    return sumOf("handed_off.");
  }

  /** Everything lost, over all reasons. */
  public long dropped() {
    return sumOf("dropped.");
  }

  private long sumOf(String prefix) {
    long sum = 0;
    for (Map.Entry<String, Long> entry : counters.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        sum += entry.getValue();
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "LlmopsStats" + counters;
  }
}
