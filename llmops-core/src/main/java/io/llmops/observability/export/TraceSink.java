package io.llmops.observability.export;

import java.time.Duration;
import java.util.List;

/**
 * Receives finished traces as wire-format messages. Implementations return a result and must
 * not throw (an exception is caught, counted and logged by the SDK); {@link #shutdown} must be
 * idempotent.
 *
 * <p>Threads: every call ({@link #export}, {@link #flush}, {@link #shutdown}) runs on a thread
 * the SDK starts for this sink, one call at a time, never on an application thread, so calls
 * never overlap. A call should answer within {@code LLMOPS_EXPORT_TIMEOUT}: the SDK stops
 * waiting for one that does not, counts its traces as failed ({@code export_failed.<sink>} and
 * {@code export_timed_out.<sink>}) and gives the sink no new call until it returns; traces such
 * a call still takes are counted as {@code export_late.<sink>}. A call still running when the
 * SDK has shut down is interrupted.
 */
public interface TraceSink {

  /** A short name used in configuration ({@code LLMOPS_SINKS}), counters and logs; stable. */
  String name();

  /**
   * Delivers a batch: never empty; every sink gets the same list, which it must not modify.
   * Returns a failure rather than throwing, and never null.
   */
  ExportResult export(List<TraceMessage> messages);

  /** Delivers anything buffered, waiting at most {@code timeout}. */
  default ExportResult flush(Duration timeout) {
    return ExportResult.success();
  }

  /** Flushes and releases resources, waiting at most {@code timeout}. */
  default ExportResult shutdown(Duration timeout) {
    return flush(timeout);
  }
}
