package io.llmops.observability.processor;

import java.util.List;

/**
 * What became of a batch: every message is in exactly one list.
 *
 * @param decoded messages decoded, in batch order, each with its id
 * @param deadLettered ids of messages rejected and kept as dead letters: done, delete them
 * @param failed ids of messages rejected whose dead letter could not be written: leave them on
 *     the queue, so that they come back (or reach the queue's own redrive target)
 */
public record BatchResult(List<Decoded> decoded, List<String> deadLettered, List<String> failed) {

  /** A decoded message. */
  public record Decoded(String messageId, DecodedTrace trace) {}
}
