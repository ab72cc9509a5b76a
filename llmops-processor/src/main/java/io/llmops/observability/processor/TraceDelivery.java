package io.llmops.observability.processor;

/** Hands an export to every sink. */
public interface TraceDelivery {

  /**
   * Delivers {@code trace} to the sinks that do not hold it yet; true once every sink holds it.
   * False leaves the export to be retried later (the message stays on the queue), and a retry
   * redoes only the sinks that failed. Never throws.
   */
  boolean deliver(ExportedTrace trace);
}
