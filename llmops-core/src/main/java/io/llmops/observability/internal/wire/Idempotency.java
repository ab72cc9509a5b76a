package io.llmops.observability.internal.wire;

import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic idempotency keys: the same trace content always yields the same key, so a
 * consumer can drop a message delivered twice (a retry, a spillover replay). The trace key covers
 * the trace id and its span ids, so a later segment of the same trace gets a different key.
 * Internal.
 */
final class Idempotency {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** One digest per thread: looking the algorithm up costs more than hashing a few ids. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Idempotency::newSha256);

  private Idempotency() {}

  static String traceKey(TraceData trace) {
    MessageDigest digest = SHA256.get();
    update(digest, "trace");
    update(digest, trace.traceId());
    if (trace.segment().child()) {
      update(digest, trace.segment().segmentId());
    }
    for (SpanData span : trace.spans()) {
      update(digest, span.spanId());
    }
    return hex(digest.digest());
  }

  static String spanKey(String traceId, String spanId) {
    MessageDigest digest = SHA256.get();
    update(digest, "span");
    update(digest, traceId);
    update(digest, spanId);
    return hex(digest.digest());
  }

  private static void update(MessageDigest digest, String part) {
    digest.update(part.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The first 16 bytes as 32 hex characters. */
  private static String hex(byte[] bytes) {
    char[] out = new char[32];
    for (int i = 0; i < 16; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
