package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

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

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The record as stored: JSON with snake_case keys. */
  public byte[] toJson() {
    ObjectNode record = JSON.createObjectNode();
    record.put("message_id", messageId);
    record.put("reason", reason.name().toLowerCase(Locale.ROOT));
    record.put("detail", detail);
    record.put("received_at", receivedAt.toString());
    record.put("body_length", bodyLength);
    record.put("body_truncated", bodyTruncated());
    record.put("body", body);
    return record.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The name the record is stored under: {@code <epoch millis>-<message id>.json}, the id
   * reduced to harmless characters (it is the queue's, not ours).
   */
  public String fileName() {
    String kept = messageId.replaceAll("[^A-Za-z0-9_-]", "_");
    return receivedAt.toEpochMilli() + "-" + (kept.length() > 128 ? kept.substring(0, 128) : kept)
        + ".json";
  }
}
