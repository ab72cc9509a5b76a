package io.llmops.observability.sqs.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One message on its way to SQS. It settles exactly once, as sent or as spilled, whichever comes
 * first, so that a shutdown spilling in-flight messages never writes a message twice. It also
 * remembers whether SQS may already have it (an attempt whose outcome is unknown, or one under
 * way), so that sending it again is counted as a possible duplicate, and, in write-ahead mode,
 * where the journal holds it. Internal.
 */
public final class Entry {

  static final String ATTR_TRACE_ID = "trace_id";
  static final String ATTR_TYPE = "type";
  private static final int STRING_TYPE_BYTES = "String".length();

  private static final int PENDING = 0;
  private static final int SENT = 1;
  private static final int SPILLED = 2;

  final String traceId;
  final String type;
  final String idempotencyKey;
  final String body;
  final int bodyBytes;
  final int attributeBytes;
  final long enqueuedNanos;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  /** A worker's attempt to send it is under way. */
  volatile boolean sending;
  /** The last attempt ended without a known outcome: SQS may have it. */
  volatile boolean maybeDelivered;
  /** Written ahead: its segment and the offset of its record (guarded by the journal). */
  Segment segment;
  int offset;

  public Entry(String traceId, String type, String idempotencyKey, String body) {
    this.traceId = nullToEmpty(traceId);
    this.type = nullToEmpty(type);
    this.idempotencyKey = nullToEmpty(idempotencyKey);
    this.body = body;
    this.bodyBytes = utf8Length(body);
    this.attributeBytes = ATTR_TRACE_ID.length() + STRING_TYPE_BYTES + utf8Length(this.traceId)
        + ATTR_TYPE.length() + STRING_TYPE_BYTES + utf8Length(this.type);
    this.enqueuedNanos = System.nanoTime();
  }

  /** Whether the attributes fit next to the body within SQS's message limit. */
  boolean attributesFit() {
    return bodyBytes + attributeBytes <= SqsSinkOptions.MAX_REQUEST_BYTES
        && !this.traceId.isEmpty() && !this.type.isEmpty();
  }

  /** What this message counts against SQS's per-message and per-batch limits. */
  int requestBytes() {
    return attributesFit() ? bodyBytes + attributeBytes : bodyBytes;
  }

  boolean settleSent() {
    return state.compareAndSet(PENDING, SENT);
  }

  boolean settleSpilled() {
    return state.compareAndSet(PENDING, SPILLED);
  }

  boolean isSettled() {
    return state.get() != PENDING;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static int utf8Length(String s) {
    int ascii = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
      ascii++;
    }
    return ascii;
  }
}
