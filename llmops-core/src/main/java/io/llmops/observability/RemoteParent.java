package io.llmops.observability;

import io.llmops.observability.internal.common.HexIds;

/**
 * The caller of this service, as its request's trace headers name it: the trace it belongs to
 * and the span that made the call. Read one with {@link TraceHeaders#read}; start the work it
 * asked for with {@link TraceBuilder#remoteParent}. See docs/DISTRIBUTED_TRACING.md.
 *
 * @param traceId the caller's trace id: 32 lowercase hex digits, bare or in the UUID layout
 *     this SDK writes, not all zero
 * @param parentSpanId the calling span as W3C Trace Context names it: 16 lowercase hex digits,
 *     not all zero (the first 16 hex digits of the span id when the caller uses this SDK)
 * @param sampled the {@code traceparent}'s sampled flag (recorded in any case)
 * @param childSegment true when the caller uses this SDK and merges segments (it sent {@code
 *     x-llmops-trace-id}): the work here is recorded as a child segment of its trace; false for a
 *     caller that only sent a {@code traceparent} (an OpenTelemetry service, say): the work is an
 *     ordinary trace with the caller's trace id
 */
public record RemoteParent(String traceId, String parentSpanId, boolean sampled,
    boolean childSegment) {

  /**
   * @throws IllegalArgumentException when {@code traceId} or {@code parentSpanId} is not an id
   *     of the form described above (the message names the field, never the value)
   */
  public RemoteParent {
    if (!HexIds.isTraceId(traceId)) {
      throw new IllegalArgumentException(
          "traceId must be 32 lowercase hex digits (bare or as a UUID), not all zero");
    }
    if (!HexIds.isSpanId(parentSpanId)) {
      throw new IllegalArgumentException(
          "parentSpanId must be 16 lowercase hex digits, not all zero");
    }
  }
}
