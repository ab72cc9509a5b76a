package io.llmops.observability.spi;

import java.time.Duration;
import java.util.List;

/**
 * Receives finished traces as wire-format messages. Each sink is called on a thread of its own
 * that the SDK starts for it, one call at a time, never from an application thread. A call
 * should answer within {@code LLMOPS_EXPORT_TIMEOUT}: one that does not is counted as failed,
 * and the sink gets no new batch until it returns. Implementations return a result and must not
 * throw (an exception is caught, counted and logged by the SDK); {@link #shutdown} must be
 * idempotent.
 */
public interface TraceSink {

  /** A short name used in configuration ({@code LLMOPS_SINKS}), counters and logs. */
  String name();

  /** Delivers a batch. */
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
