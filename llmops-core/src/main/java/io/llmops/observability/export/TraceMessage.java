package io.llmops.observability.export;

import java.nio.charset.StandardCharsets;

/**
 * One finished trace in wire format: {@link #body()} is the exact SQS message body (the wrapper
 * with base64 of gzip of the trace JSON), already redacted and within the size limit.
 *
 * <p>Immutable and thread-safe: {@link #traceJson()} returns a copy. No accessor throws.
 */
public final class TraceMessage {

  private final String traceId;
  private final String type;
  private final String body;
  private final String idempotencyKey;
  private final byte[] traceJson;
  private final int spanCount;

  /**
   * A message; the SDK makes them, sinks' tests may too. {@code traceJson} is kept as given: do
   * not change it afterwards.
   *
   * @throws IllegalArgumentException when an argument is null or {@code spanCount} is negative
   */
  public TraceMessage(
      String traceId, String type, String body, String idempotencyKey, byte[] traceJson, int spanCount) {
    this.traceId = traceId;
    this.type = type;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
    this.traceJson = traceJson;
    this.spanCount = spanCount;
  }

  /** The id of the trace this message carries (all or a segment of it). */
  public String traceId() {
    return traceId;
  }

  /** The wrapper's {@code type}. */
  public String type() {
    return type;
  }

  /** The message body to send. */
  public String body() {
    return body;
  }

  /** Size of {@link #body()} in UTF-8 bytes (all ASCII). */
  public int bodySize() {
    return body.length();
  }

  /** The trace's deterministic {@code idempotency_key}. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** The decompressed trace JSON that {@link #body()} carries (a copy). */
  public byte[] traceJson() {
    return traceJson.clone();
  }

  /** {@link #traceJson()} as text. */
  public String traceJsonText() {
    return new String(traceJson, StandardCharsets.UTF_8);
  }

  /** Number of spans in this message. */
  public int spanCount() {
    return spanCount;
  }
}
