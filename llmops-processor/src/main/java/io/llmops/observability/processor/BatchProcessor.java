package io.llmops.observability.processor;

import java.util.List;

/**
 * The processor as the runtimes (the SQS consumer service, the Lambda handlers) see it: a batch
 * of messages in, the ones to leave on the queue out. Thread-safe: consumers call it at once.
 */
public interface BatchProcessor {

  /**
   * Processes {@code batch}; never throws. Every message not in the outcome's {@code retry} is
   * done and may be deleted from the queue.
   */
  BatchOutcome process(List<IncomingMessage> batch);

  /**
   * Exports the traces whose wait for segments is over (the sweep, every minute by default);
   * returns how many it exported. Never throws.
   */
  int sweep();

  /**
   * What became of a batch.
   *
   * @param retry ids of the messages to leave on the queue: they come back after the visibility
   *     timeout
   */
  record BatchOutcome(List<String> retry) {}
}
