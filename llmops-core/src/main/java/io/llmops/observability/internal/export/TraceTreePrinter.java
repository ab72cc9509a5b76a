package io.llmops.observability.internal.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a decoded trace JSON as a readable tree of spans. Internal. */
public final class TraceTreePrinter {

  private TraceTreePrinter() {}

  public static String render(JsonNode trace) {
    StringBuilder out = new StringBuilder();
    out.append("trace ").append(text(trace, "trace_name"))
        .append("  id=").append(text(trace, "trace_id"))
        .append("  ").append(trace.path("duration_ms").asLong()).append(" ms")
        .append("  spans=").append(trace.path("total_spans").asInt())
        .append(" generations=").append(trace.path("total_generations").asInt());
    JsonNode usage = trace.path("token_usage");
    if (usage.path("total_tokens").asLong() > 0) {
      out.append("  tokens in=").append(usage.path("total_input_tokens").asLong())
          .append(" out=").append(usage.path("total_output_tokens").asLong());
    }
    double cost = trace.path("cost").path("total_cost").asDouble();
    if (cost > 0) {
      out.append(String.format(Locale.ROOT, "  cost=$%.6f", cost));
    }
    out.append('\n');

    Map<String, List<JsonNode>> children = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode span : trace.path("spans")) {
      ids.add(text(span, "span_id"));
    }
    List<JsonNode> roots = new ArrayList<>();
    for (JsonNode span : trace.path("spans")) {
      String parent = span.path("parent_span_id").isTextual() ? span.get("parent_span_id").asText() : null;
      if (parent == null || !ids.contains(parent)) {
        roots.add(span);
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(span);
      }
    }
    renderLevel(out, roots, children, "");
    return out.toString();
  }

  private static void renderLevel(StringBuilder out, List<JsonNode> spans,
      Map<String, List<JsonNode>> children, String indent) {
    spans.sort(Comparator.comparingDouble(s -> s.path("start_time").asDouble()));
    for (int i = 0; i < spans.size(); i++) {
      JsonNode span = spans.get(i);
      boolean last = i == spans.size() - 1;
      out.append(indent).append(last ? "└─ " : "├─ ").append(describe(span)).append('\n');
      List<JsonNode> kids = children.get(text(span, "span_id"));
      if (kids != null) {
        renderLevel(out, kids, children, indent + (last ? "   " : "│  "));
      }
    }
  }

  private static String describe(JsonNode span) {
    StringBuilder line = new StringBuilder();
    line.append(text(span, "span_name")).append(" [").append(text(span, "span_type")).append("] ")
        .append(span.path("duration_ms").asLong()).append(" ms");
    if (span.path("model_id").isTextual()) {
      line.append("  model=").append(span.get("model_id").asText());
    }
    JsonNode usage = span.path("usage");
    if (usage.isObject()) {
      line.append("  tokens in=").append(usage.path("input_tokens").asLong())
          .append(" out=").append(usage.path("output_tokens").asLong());
    }
    JsonNode cost = span.path("cost");
    if (cost.isObject()) {
      line.append(String.format(Locale.ROOT, "  cost=$%.6f", cost.path("total_cost").asDouble()));
    }
    if ("error".equals(text(span, "status"))) {
      line.append("  ERROR ").append(text(span, "error"));
    }
    return line.toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? "-" : value.asText();
  }
}
