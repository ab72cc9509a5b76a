package io.llmops.observability.processor.service;

import java.time.Duration;

/**
 * How {@link SqsConsumerService} reads its queue.
 *
 * @param queueUrl the queue's URL
 * @param consumers long-polling consumers, each on its own thread (1-100)
 * @param waitTime how long one ReceiveMessage waits for messages (0-20 s)
 * @param maxMessages messages per receive (1-10)
 * @param visibilityTimeout how long a received message stays invisible to other consumers; the
 *     heartbeat renews it for messages still being processed (1 s-12 h)
 * @param heartbeat how often the heartbeat renews it; shorter than {@code visibilityTimeout}
 * @param retryDelay when positive, a message to retry comes back after this delay, doubled with
 *     each delivery up to 15 minutes (ChangeMessageVisibility); zero leaves it invisible for the
 *     rest of its visibility timeout
 * @param sweepInterval how often {@code BatchProcessor.sweep()} runs
 * @param shutdownDeadline how long a shutdown waits for batches in progress before it releases
 *     their messages
 */
public record ConsumerOptions(
    String queueUrl,
    int consumers,
    Duration waitTime,
    int maxMessages,
    Duration visibilityTimeout,
    Duration heartbeat,
    Duration retryDelay,
    Duration sweepInterval,
    Duration shutdownDeadline) {

  /** @throws IllegalArgumentException naming the field that is out of range */
  public ConsumerOptions {
    if (queueUrl == null || queueUrl.isBlank()) {
      throw new IllegalArgumentException("queueUrl must not be blank");
    }
    require(consumers >= 1 && consumers <= 100, "consumers must be 1-100");
    require(waitTime != null && !waitTime.isNegative() && waitTime.getSeconds() <= 20
        && waitTime.getNano() == 0, "waitTime must be whole seconds, 0-20");
    require(maxMessages >= 1 && maxMessages <= 10, "maxMessages must be 1-10");
    require(visibilityTimeout != null && visibilityTimeout.getSeconds() >= 1
        && visibilityTimeout.getSeconds() <= 43_200 && visibilityTimeout.getNano() == 0,
        "visibilityTimeout must be whole seconds, 1 s-12 h");
    require(heartbeat != null && !heartbeat.isNegative() && !heartbeat.isZero() && heartbeat.compareTo(visibilityTimeout) < 0,
        "heartbeat must be positive and shorter than visibilityTimeout");
    require(retryDelay != null && !retryDelay.isNegative() && retryDelay.getSeconds() <= 900,
        "retryDelay must be 0-900 s");
    require(sweepInterval != null && !sweepInterval.isNegative() && !sweepInterval.isZero(), "sweepInterval must be positive");
    require(shutdownDeadline != null && !shutdownDeadline.isNegative(),
        "shutdownDeadline must not be negative");
  }

  private static void require(boolean valid, String message) {
    if (!valid) {
      throw new IllegalArgumentException(message);
    }
  }
}
