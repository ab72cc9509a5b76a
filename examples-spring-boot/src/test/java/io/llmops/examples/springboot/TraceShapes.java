package io.llmops.examples.springboot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A decoded trace read as the tests compare it: span names, types and parents. */
final class TraceShapes {

  private TraceShapes() {}

  /** Each span as {@code "<type> <name> <- <parent's name>"} ({@code none} for the root). */
  static List<String> shapeOf(JsonNode trace) {
    List<String> shape = new ArrayList<>();
    for (JsonNode span : trace.get("spans")) {
      shape.add(span.get("span_type").asText() + " " + span.get("span_name").asText() + " <- "
          + nameOf(trace, parentOf(span)));
    }
    return shape;
  }

  /** The names of the span's parent, its parent's parent, ..., up to the root. */
  static List<String> ancestorsOf(JsonNode span, JsonNode trace) {
    List<String> names = new ArrayList<>();
    String parent = parentOf(span);
    while (parent != null) {
      names.add(nameOf(trace, parent));
      parent = parentOf(spanWithId(trace, parent));
    }
    return names;
  }

  static JsonNode spanNamed(JsonNode trace, String name) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().equals(name)) {
        return span;
      }
    }
    throw new AssertionError("no span " + name);
  }

  private static JsonNode spanWithId(JsonNode trace, String spanId) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_id").asText().equals(spanId)) {
        return span;
      }
    }
    throw new AssertionError("no span with id " + spanId);
  }

  private static String nameOf(JsonNode trace, String spanId) {
    return spanId == null ? "none" : spanWithId(trace, spanId).get("span_name").asText();
  }
}
