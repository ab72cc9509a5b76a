package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Joins spans that arrived apart (OTLP sends a trace's spans in as many requests as it likes) to
 * the trace stored so far: a span already there is replaced, a new one added; the trace's own
 * fields are taken from the newer part where it has them. Then each parent named by the 16 hex
 * digits OTLP carries gets back the full id of the span it names (WIRE_FORMAT.md §2a), and the
 * trace's start, end and duration span its spans. Stateless.
 */
final class SpanJoiner {

  private SpanJoiner() {}

  static ObjectNode join(@Nullable ObjectNode stored, ObjectNode part) {
    ObjectNode trace = stored == null ? part.objectNode() : stored.deepCopy();
    Map<String, JsonNode> spans = new LinkedHashMap<>();
    trace.path("spans").forEach(span -> spans.put(span.path("span_id").asText(), span));
    part.fields().forEachRemaining(field -> {
      if (field.getKey().equals("metadata") && trace.path("metadata").isObject()) {
        ((ObjectNode) trace.get("metadata")).setAll((ObjectNode) field.getValue());
      } else if (!field.getKey().equals("spans")) {
        trace.set(field.getKey(), field.getValue());
      }
    });
    part.path("spans").forEach(span -> spans.put(span.path("span_id").asText(), span));
    ArrayNode joined = trace.putArray("spans");
    joined.addAll(spans.values());
    restoreParentIds(joined);
    putTimes(trace, joined);
    trace.put("total_spans", joined.size());
    return trace;
  }

  private static void restoreParentIds(ArrayNode spans) {
    Map<String, String> byShortId = new HashMap<>();
    spans.forEach(span -> {
      String id = span.path("span_id").asText();
      String digits = id.replace("-", "").toLowerCase(Locale.ROOT);
      if (digits.length() >= 16) {
        byShortId.putIfAbsent(digits.substring(0, 16), id);
      }
    });
    spans.forEach(span -> {
      String parent = span.path("parent_span_id").asText(null);
      if (parent != null && parent.length() == 16 && byShortId.containsKey(parent)) {
        ((ObjectNode) span).put("parent_span_id", byShortId.get(parent));
      }
    });
  }

  private static void putTimes(ObjectNode trace, ArrayNode spans) {
    double start = Double.MAX_VALUE;
    double end = 0;
    for (JsonNode span : spans) {
      start = Math.min(start, span.path("start_time").asDouble(Double.MAX_VALUE));
      end = Math.max(end, span.path("end_time").asDouble(0));
    }
    if (start == Double.MAX_VALUE) {
      return;
    }
    trace.put("start_time", start);
    trace.put("end_time", Math.max(start, end));
    trace.put("duration_ms", Math.round((Math.max(start, end) - start) * 1000));
  }
}
