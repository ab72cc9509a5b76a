package io.llmops.observability.sqs.internal;

/**
 * Whether SQS is believed to take messages. Set down by failures of whole requests or exhausted
 * retries, up by any message sent (by a worker or by the replay): while down, new messages go
 * straight to the journal. Internal.
 */
final class SqsHealth {

  private volatile boolean up = true;

  boolean isUp() {
    return up;
  }

  void up() {
    up = true;
  }

  void down() {
    up = false;
  }
}
