package io.llmops.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.export.TraceMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decoded trace JSON of a list of messages, with look-ups by trace id and span name. */
public final class DecodedTraces {

  private DecodedTraces() {}

  public static List<JsonNode> of(List<TraceMessage> messages) {
    List<JsonNode> traces = new ArrayList<>(messages.size());
    for (TraceMessage message : messages) {
      traces.add(WireDecoder.trace(message.body()));
    }
    return traces;
  }

  /** The trace JSON of each message by {@code trace_id}; fails on a duplicate trace id. */
  public static Map<String, JsonNode> byTraceId(List<TraceMessage> messages) {
    Map<String, JsonNode> traces = new LinkedHashMap<>();
    for (JsonNode trace : of(messages)) {
      String id = trace.get("trace_id").asText();
      if (traces.put(id, trace) != null) {
        throw new AssertionError("trace " + id + " was delivered more than once");
      }
    }
    return traces;
  }

  /** The spans of {@code trace} by {@code span_name}; fails when a name occurs twice. */
  public static Map<String, JsonNode> spansByName(JsonNode trace) {
    Map<String, JsonNode> spans = new LinkedHashMap<>();
    for (JsonNode span : trace.get("spans")) {
      String name = span.get("span_name").asText();
      if (spans.put(name, span) != null) {
        throw new AssertionError("span name " + name + " occurs twice in " + trace.get("trace_id"));
      }
    }
    return spans;
  }

  /** The parent span id of {@code span}, or null for a root. */
  public static String parentOf(JsonNode span) {
    JsonNode parent = span.get("parent_span_id");
    return parent == null || parent.isNull() ? null : parent.asText();
  }

  /** The spans of {@code trace} with {@code span_type} {@code type}, in message order. */
  public static List<JsonNode> spansOfType(JsonNode trace, String type) {
    List<JsonNode> spans = new java.util.ArrayList<>();
    trace.get("spans").forEach(s -> {
      if (s.get("span_type").asText().equals(type)) {
        spans.add(s);
      }
    });
    return spans;
  }
}
