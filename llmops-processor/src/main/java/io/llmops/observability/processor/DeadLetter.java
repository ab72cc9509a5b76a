package io.llmops.observability.processor;

import java.time.Instant;

/**
 * A message the processor could not process, kept where an operator can find it.
 *
 * @param messageId the queue's id of the message
 * @param reason why it was rejected
 * @param detail where, in words that never repeat the content
 * @param receivedAt when the processor rejected it
 * @param body the original body, at most {@link #MAX_BODY_CHARS} chars
 * @param bodyLength the original body's length in chars
 */
public record DeadLetter(
    String messageId, RejectionReason reason, String detail, Instant receivedAt, String body, int bodyLength) {

  /** One MiB: a whole SQS message; a longer body (rejected as too large) keeps its beginning. */
  public static final int MAX_BODY_CHARS = 1 << 20;

  /** The record of {@code rejection} for the message {@code messageId} with {@code body}. */
  public static DeadLetter of(String messageId, String body, Rejection rejection, Instant receivedAt) {
    String kept = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
    return new DeadLetter(messageId, rejection.reason(), rejection.detail(), receivedAt, kept, body.length());
  }

  /** Whether {@link #body()} is only the beginning of the original. */
  public boolean bodyTruncated() {
    return body.length() < bodyLength;
  }
}
