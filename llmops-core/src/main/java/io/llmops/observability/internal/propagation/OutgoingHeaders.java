package io.llmops.observability.internal.propagation;

import io.llmops.observability.TraceHeaders;
import io.llmops.observability.internal.common.HexIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that name one span of one trace as the caller of another service. The W3C trace id
 * is the SDK's trace id without its dashes; the W3C parent id is the first 16 hex digits of the
 * span id (a random UUID: 60 random bits, unique within a trace in practice), which is how the
 * processor finds the calling span (docs/WIRE_FORMAT.md). Internal.
 */
public final class OutgoingHeaders {

  private OutgoingHeaders() {}

  /** The headers, or an empty map when either id is not one this SDK writes. */
  public static Map<String, String> of(String traceId, String spanId) {
    if (!HexIds.isTraceId(traceId) || spanId == null || spanId.length() != 36) {
      return Map.of();
    }
    String parentId = w3cSpanId(spanId);
    if (parentId == null) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>(4);
    headers.put(TraceHeaders.TRACEPARENT,
        TraceParent.sampled(HexIds.digits(traceId), parentId).format());
    headers.put(TraceHeaders.LLMOPS_TRACE_ID, traceId);
    return headers;
  }

  /** The W3C span id a span id stands for: its first 16 hex digits, or null for a non-UUID. */
  public static String w3cSpanId(String spanId) {
    String digits = spanId == null ? null : HexIds.digits(spanId);
    if (digits == null || !HexIds.isLowerHex(digits, 32)) {
      return null;
    }
    String prefix = digits.substring(0, 16);
    return HexIds.isZero(prefix) ? null : prefix;
  }
}
