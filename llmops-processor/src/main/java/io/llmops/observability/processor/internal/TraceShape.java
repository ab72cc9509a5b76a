package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The least a trace must be for the processor to route and merge it; everything else is passed
 * on as it came (consumers ignore keys they do not know). Answers name fields, never values.
 */
public final class TraceShape {

  private TraceShape() {}

  /** Why {@code trace} cannot be routed or merged, or null when it can. */
  public static @Nullable String defect(JsonNode trace) {
    if (!trace.isObject()) {
      return "the trace is not a JSON object";
    }
    if (!nonBlankText(trace.get("trace_id"))) {
      return "trace_id is missing or not a non-empty string";
    }
    for (String flag : new String[] {"is_child_segment", "has_external_segments"}) {
      JsonNode value = trace.get(flag);
      if (value != null && !value.isNull() && !value.isBoolean()) {
        return flag + " is not a boolean";
      }
    }
    if (trace.path("is_child_segment").asBoolean(false) && !nonBlankText(trace.get("segment_id"))) {
      return "a child segment has no segment_id";
    }
    return spansDefect(trace.get("spans"));
  }

  private static @Nullable String spansDefect(@Nullable JsonNode spans) {
    if (spans == null || spans.isNull()) {
      return null;
    }
    if (!spans.isArray()) {
      return "spans is not an array";
    }
    for (int i = 0; i < spans.size(); i++) {
      JsonNode span = spans.get(i);
      if (!span.isObject() || !nonBlankText(span.get("span_id"))) {
        return "spans[" + i + "] has no span_id";
      }
      JsonNode parent = span.get("parent_span_id");
      if (parent != null && !parent.isNull() && !parent.isTextual()) {
        return "spans[" + i + "].parent_span_id is not a string";
      }
    }
    return null;
  }

  /** Gives a trace without {@code spans} an empty list, so that merging sees one shape. */
  public static void normalize(ObjectNode trace) {
    if (!trace.path("spans").isArray()) {
      trace.putArray("spans");
    }
  }

  private static boolean nonBlankText(@Nullable JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank();
  }
}
