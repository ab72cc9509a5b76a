package io.llmops.observability.processor.service.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The service's counters, and the one gauge: messages in flight. Thread-safe. */
public final class ServiceCounters {

  /** The names, as {@code /health} and {@code SqsConsumerService.counters()} show them. */
  public static final String RECEIVED = "received";
  public static final String DELETED = "deleted";
  public static final String DELETE_FAILED = "delete_failed";
  public static final String RETRIED = "retried";
  public static final String RELEASED = "released";
  public static final String BATCHES = "batches";
  public static final String PROCESSOR_FAILURES = "processor_failures";
  public static final String RECEIVE_FAILURES = "receive_failures";
  public static final String VISIBILITY_EXTENDED = "visibility_extended";
  public static final String VISIBILITY_CHANGE_FAILED = "visibility_change_failed";
  public static final String SWEEPS = "sweeps";
  public static final String SWEPT = "swept";
  public static final String SWEEP_FAILURES = "sweep_failures";
  public static final String IN_FLIGHT = "in_flight";

  private static final String[] COUNTED = {RECEIVED, DELETED, DELETE_FAILED, RETRIED, RELEASED,
      BATCHES, PROCESSOR_FAILURES, RECEIVE_FAILURES, VISIBILITY_EXTENDED, VISIBILITY_CHANGE_FAILED,
      SWEEPS, SWEPT, SWEEP_FAILURES};

  private final Map<String, LongAdder> counts = new TreeMap<>();
  private final AtomicLong inFlight = new AtomicLong();

  public ServiceCounters() {
    for (String name : COUNTED) {
      counts.put(name, new LongAdder());
    }
  }

  /** Adds {@code amount} to the counter {@code name}, one of the constants. */
  public void add(String name, long amount) {
    counts.get(name).add(amount);
  }

  public void inFlight(long change) {
    inFlight.addAndGet(change);
  }

  /** Every counter and the gauge, by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((name, adder) -> snapshot.put(name, adder.sum()));
    snapshot.put(IN_FLIGHT, inFlight.get());
    return snapshot;
  }
}
