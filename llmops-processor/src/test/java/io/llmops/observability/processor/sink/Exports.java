package io.llmops.observability.processor.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.ExportedTrace;
import java.util.LinkedHashSet;
import java.util.Set;

/** Merged traces as the processor exports them, for tests. */
final class Exports {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TRACE_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
  /** 2026-01-26T16:51:51Z */
  static final double START = 1769446311.0;

  private Exports() {}

  /** A trace of {@code spanIds} (the first the root, the others its children). */
  static ObjectNode trace(String project, String environment, String... spanIds) {
    ObjectNode trace = JSON.createObjectNode()
        .put("trace_id", TRACE_ID)
        .put("trace_name", "support_answer")
        .put("project_id", project)
        .put("environment", environment)
        .put("start_time", START)
        .put("end_time", START + 2);
    ArrayNode spans = trace.putArray("spans");
    for (int i = 0; i < spanIds.length; i++) {
      spans.addObject()
          .put("span_id", spanIds[i])
          .put("span_name", "step_" + i)
          .put("span_type", "span")
          .put("parent_span_id", i == 0 ? null : spanIds[0])
          .put("start_time", START + i * 0.1)
          .put("end_time", START + i * 0.1 + 0.05)
          .put("status", "success");
    }
    return trace;
  }

  /** The first export of {@code trace}: every span is new. */
  static ExportedTrace first(ObjectNode trace) {
    Set<String> all = new LinkedHashSet<>();
    trace.withArray("spans").forEach(span -> all.add(span.get("span_id").asText()));
    return new ExportedTrace(TRACE_ID, TRACE_ID, trace, all, false);
  }

  /** A late export of {@code merged}, adding {@code newSpanIds} from segment {@code segmentId}. */
  static ExportedTrace late(ObjectNode merged, String segmentId, Set<String> newSpanIds) {
    return new ExportedTrace(TRACE_ID + "/late/" + segmentId, TRACE_ID, merged, newSpanIds, true);
  }

  /** Adds a span under the root of {@code trace}. */
  static ObjectNode withSpan(ObjectNode trace, String spanId, String spanType) {
    ObjectNode copy = trace.deepCopy();
    String root = copy.withArray("spans").get(0).get("span_id").asText();
    copy.withArray("spans").addObject()
        .put("span_id", spanId)
        .put("span_name", "late_" + spanType)
        .put("span_type", spanType)
        .put("parent_span_id", root)
        .put("start_time", START + 5)
        .put("end_time", START + 5.5)
        .put("status", "success");
    return copy;
  }
}
