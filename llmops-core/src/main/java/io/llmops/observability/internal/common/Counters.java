package io.llmops.observability.internal.common;

import io.llmops.observability.export.SinkMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SDK's counters by name; names are documented in docs/OPERATIONS.md and exposed through
 * {@code Llmops.stats()}. Internal.
 */
public final class Counters implements SinkMetrics {

  public static final String TRACES_STARTED = "traces.started";
  /** Generations that joined the open generation they started under (one model call, once). */
  public static final String GENERATIONS_JOINED = "generations.joined";
  public static final String TRACES_FINALIZED = "traces.finalized";
  public static final String TRACES_REPLACED = "traces.replaced";
  public static final String TRACES_SENT_WITH_OPEN_SPANS = "traces.sent_with_open_spans";
  public static final String SPANS_RECORDED = "spans.recorded";
  public static final String SPANS_LATE = "spans.late";
  /** Evaluations recorded after their trace was sent, each sent as a late segment of it. */
  public static final String TRACES_LATE_SEGMENTS = "traces.late_segments";
  /** Traces started as child segments of a caller's trace (from its headers). */
  public static final String TRACES_RESUMED = "traces.resumed";
  /** Trace headers of a request ignored as malformed, oversized, repeated or contradictory. */
  public static final String PROPAGATION_HEADERS_IGNORED = "propagation.headers_ignored";
  public static final String SPANS_WITHOUT_TRACE = "spans.without_trace";
  public static final String MESSAGES_ENCODED = "messages.encoded";
  public static final String MESSAGES_TRUNCATED = "messages.truncated";
  public static final String REDACTION_FAILURES = "redaction.failures";
  /** Traces some of whose values were left out or cut because their capture budget ran out. */
  public static final String CAPTURE_BUDGET_EXHAUSTED = "capture.budget_exhausted";
  public static final String INTERNAL_ERRORS = "internal.errors";
  /** Contexts dropped from a thread that held too many open spans or scopes. */
  public static final String CONTEXT_FRAMES_DROPPED = "context.frames_dropped";
  /**
   * Prefixes: {@code handed_off.<sink>} (the sink's export call took the traces: written, for the
   * file and console sinks; queued for delivery, for the SQS sink, whose own counters say what
   * became of them), {@code export_failed.<sink>}, {@code dropped.<reason>}.
   */
  public static final String HANDED_OFF_PREFIX = "handed_off.";
  public static final String EXPORT_FAILED_PREFIX = "export_failed.";
  /** Part of {@code export_failed.<sink>}: traces of calls that overran LLMOPS_EXPORT_TIMEOUT. */
  public static final String EXPORT_TIMED_OUT_PREFIX = "export_timed_out.";
  /** Part of {@code export_timed_out.<sink>}: traces the sink took after all, once it returned. */
  public static final String EXPORT_LATE_PREFIX = "export_late.";
  public static final String DROPPED_PREFIX = "dropped.";
  public static final String DROPPED_QUEUE_FULL = "dropped.queue_full";
  public static final String DROPPED_SHUTDOWN = "dropped.shutdown";
  public static final String DROPPED_ENCODING_FAILED = "dropped.encoding_failed";
  /** Traces the export worker held when it failed (out of memory, say), lost with the batch. */
  public static final String DROPPED_WORKER_ERROR = "dropped.worker_error";
  public static final String DROPPED_SPAN_LIMIT = "dropped.span_limit";

  private final ConcurrentHashMap<String, LongAdder> values = new ConcurrentHashMap<>();

  /** The adder behind {@code name}, for hot paths that should not look it up every time. */
  public LongAdder adder(String name) {
    return values.computeIfAbsent(name, k -> new LongAdder());
  }

  @Override
  public void increment(String name) {
    add(name, 1);
  }

  @Override
  public void add(String name, long delta) {
    values.computeIfAbsent(name, k -> new LongAdder()).add(delta);
  }

  @Override
  public long get(String name) {
    LongAdder adder = values.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** A sorted copy of every counter that moved. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    values.forEach((name, adder) -> {
      long sum = adder.sum();
      if (sum != 0) {
        copy.put(name, sum); // a counter that never moved is not listed
      }
    });
    return copy;
  }
}
