package io.llmops.observability.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages of one trace as the SDKs send them: a first message and child segments, each with
 * spans of its own; a segment recorded by a called service names its calling span by the W3C
 * parent-id, a late evaluation by the full span id.
 */
final class Pieces {

  private static final AtomicInteger IDS = new AtomicInteger();

  final String traceId = UUID.randomUUID().toString();

  /** A span id of this trace (a UUID). */
  static String spanId() {
    return UUID.randomUUID().toString();
  }

  static String w3c(String spanId) {
    return spanId.replace("-", "").substring(0, 16);
  }

  /**
   * The first message: a root span and {@code calls} calling spans.
   *
   * @param expected {@code external_segments_expected}, or null to leave it out (Python SDK)
   */
  IncomingMessage parent(List<String> callingSpans, Integer expected) {
    String root = spanId();
    List<String> spans = new ArrayList<>();
    spans.add(span(root, null));
    callingSpans.forEach(call -> spans.add(span(call, root)));
    return message(trace(null, !callingSpans.isEmpty(), expected, spans));
  }

  /** A segment of a called service under {@code callingSpan}, making calls of its own. */
  IncomingMessage segment(String segmentId, String callingSpan, List<String> ownCalls,
      Integer expected) {
    String root = spanId();
    List<String> spans = new ArrayList<>();
    spans.add(span(root, w3c(callingSpan)));
    ownCalls.forEach(call -> spans.add(span(call, root)));
    return message(trace(segmentId, !ownCalls.isEmpty(), expected, spans));
  }

  /** A late evaluation of {@code evaluatedSpan}: one span under its full id. */
  IncomingMessage evaluation(String segmentId, String evaluatedSpan) {
    return message(trace(segmentId, false, null, List.of(span(spanId(), evaluatedSpan))));
  }

  private String trace(String segmentId, boolean external, Integer expected, List<String> spans) {
    return "{\"trace_id\":\"" + traceId + "\",\"trace_name\":\"t\",\"start_time\":100.0,"
        + "\"end_time\":101.0,\"duration_ms\":1000,\"idempotency_key\":\"00112233445566778899aabbccddeeff\","
        + (segmentId == null ? "" : "\"is_child_segment\":true,\"segment_id\":\"" + segmentId + "\",")
        + "\"has_external_segments\":" + external + ","
        + (expected == null ? "" : "\"external_segments_expected\":" + expected + ",")
        + "\"spans\":[" + String.join(",", spans) + "],\"total_spans\":" + spans.size() + "}";
  }

  private static String span(String id, String parent) {
    return "{\"span_id\":\"" + id + "\",\"span_name\":\"s\",\"span_type\":\"span\",\"parent_span_id\":"
        + (parent == null ? "null" : "\"" + parent + "\"") + ",\"start_time\":100.0,\"end_time\":100.5}";
  }

  private static IncomingMessage message(String body) {
    return new IncomingMessage("m-" + IDS.incrementAndGet(), body);
  }
}
