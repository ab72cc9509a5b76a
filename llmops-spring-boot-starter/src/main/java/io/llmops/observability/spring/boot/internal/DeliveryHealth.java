package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SDK's delivery health, read from {@code Llmops.stats()} for Actuator's health endpoint: each
 * sink's state, the SQS spillover backlog and the losses. A sink is {@code failing} from a check
 * that finds its failures grown and nothing delivered since the check before, until a check finds
 * something delivered again; a quiet interval keeps the state it had. Thread-safe. Internal.
 */
public final class DeliveryHealth {

  /** What one check found: whether to report DOWN, and the details to show. */
  public record Report(boolean down, Map<String, Object> details) {}

  private static final String HANDED_OFF = "handed_off.";
  private static final String EXPORT_FAILED = "export_failed.";

  private final boolean downWhenFailing;
  private LlmopsStats previous = new LlmopsStats(Map.of());
  private final Map<String, Boolean> failing = new HashMap<>();

  /** {@code downWhenFailing}: a failing sink makes the report DOWN (else it stays UP). */
  public DeliveryHealth(boolean downWhenFailing) {
    this.downWhenFailing = downWhenFailing;
  }

  /** Reads the counters now and compares them with the previous check's. */
  public synchronized Report check() {
    LlmopsStats now = Llmops.stats();
    Map<String, Object> sinks = new TreeMap<>();
    boolean anyFailing = false;
    for (String sink : sinkNames(now)) {
      long delivered = delivered(now, sink);
      long failed = failed(now, sink);
      boolean grewFailed = failed > failed(previous, sink);
      boolean grewDelivered = delivered > delivered(previous, sink);
      if (grewDelivered || grewFailed) {
        failing.put(sink, grewFailed && !grewDelivered);
      }
      boolean sinkFailing = failing.getOrDefault(sink, false);
      anyFailing |= sinkFailing;
      sinks.put(sink, Map.of("status", sinkFailing ? "failing" : "up",
          "delivered", delivered, "failed", failed));
    }
    previous = now;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sinks", sinks);
    details.put("spilloverBacklog", spilloverBacklog(now));
    details.put("tracesFinalized", now.tracesFinalized());
    details.put("dropped", now.dropped());
    details.put("droppedByReason", droppedByReason(now));
    return new Report(downWhenFailing && anyFailing, details);
  }

  private static TreeSet<String> sinkNames(LlmopsStats stats) {
    TreeSet<String> names = new TreeSet<>();
    for (String key : stats.counters().keySet()) {
      if (key.startsWith(HANDED_OFF)) {
        names.add(key.substring(HANDED_OFF.length()));
      } else if (key.startsWith(EXPORT_FAILED)) {
        names.add(key.substring(EXPORT_FAILED.length()));
      }
    }
    return names;
  }

  /**
   * What reached its destination: for a sink that counts its deliveries (SQS: {@code sqs.sent},
   * {@code sqs.replayed}; OTLP and Langfuse: {@code <sink>.spans_sent}) those, since what it took
   * may still wait; for the others (file, console) what they took.
   */
  private static long delivered(LlmopsStats stats, String sink) {
    String own = sink + ".";
    boolean countsDeliveries = stats.counters().keySet().stream().anyMatch(k -> k.startsWith(own));
    if (!countsDeliveries) {
      return stats.get(HANDED_OFF + sink);
    }
    return stats.get(own + "sent") + stats.get(own + "replayed") + stats.get(own + "spans_sent");
  }

  /** Traces the sink could not take, messages it spilled to disk, and what it lost. */
  private static long failed(LlmopsStats stats, String sink) {
    return stats.get(EXPORT_FAILED + sink) + stats.get(sink + ".spilled")
        + stats.get("dropped." + sink + "_failed") + stats.get("dropped." + sink + "_rejected");
  }

  /**
   * Messages of the SQS spillover journal not yet replayed, evicted or skipped (docs/OPERATIONS.md,
   * "How the counters add up"); an upper bound, as messages rejected at replay stay in it.
   */
  private static long spilloverBacklog(LlmopsStats stats) {
    long backlog = stats.get("sqs.spilled") + stats.get("sqs.inherited") - stats.get("sqs.replayed")
        - stats.get("sqs.evicted") - stats.get("sqs.spill_corrupt");
    return Math.max(0, backlog);
  }

  private static Map<String, Long> droppedByReason(LlmopsStats stats) {
    Map<String, Long> reasons = new TreeMap<>();
    stats.counters().forEach((name, value) -> {
      if (name.startsWith("dropped.") && value > 0) {
        reasons.put(name.substring("dropped.".length()), value);
      }
    });
    return reasons;
  }
}
