package io.llmops.observability.internal.export;

import java.time.Duration;

/**
 * The export pipeline's bounds.
 *
 * @param queueCapacity traces that may wait for the worker
 * @param maxQueuedBytes memory, roughly, that the waiting traces may hold
 * @param exportTimeout the longest one call of a sink may run before it counts as failed
 */
public record ExportOptions(int queueCapacity, long maxQueuedBytes, Duration exportTimeout) {

  public ExportOptions {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1");
    }
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes must be at least 1");
    }
    if (exportTimeout == null || exportTimeout.isNegative() || exportTimeout.isZero()) {
      throw new IllegalArgumentException("exportTimeout must be a positive duration");
    }
  }
}
