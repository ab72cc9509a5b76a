package io.llmops.observability.spi;

import java.time.Duration;
import java.util.List;

/**
 * Receives finished traces as wire-format messages. Implementations return a result and must
 * not throw (an exception is caught, counted and logged by the SDK); {@link #shutdown} must be
 * idempotent.
 *
 * <p>Threads: {@link #export} and {@link #flush} are called from the SDK's export worker, one
 * call at a time, never from an application thread. {@link #shutdown} is called once the SDK
 * shuts down, from the thread that shuts it down ({@code Llmops.shutdown}, {@code
 * Llmops.configure} replacing the configuration, or the JVM's shutdown hook); when the shutdown
 * deadline passed before the worker finished, an {@code export} may still be running, so an
 * implementation must tolerate that overlap.
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
