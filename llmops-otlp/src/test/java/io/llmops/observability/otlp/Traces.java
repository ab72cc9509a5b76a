package io.llmops.observability.otlp;

import io.llmops.observability.export.TraceMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Generated wire-format traces of a given size. */
final class Traces {

  private Traces() {}

  /** Trace {@code n}: a root and {@code spans - 1} children, each with {@code inputChars} of input. */
  static TraceMessage withSpans(int n, int spans, int inputChars) {
    String traceId = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", n + 1, n + 1);
    StringBuilder json = new StringBuilder("{\"trace_id\":\"").append(traceId)
        .append("\",\"trace_name\":\"t\",\"project_id\":\"p\",\"environment\":\"test\",\"spans\":[");
    String input = "x".repeat(inputChars);
    for (int i = 0; i < spans; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"span_id\":\"").append(spanId(n, i)).append("\",\"span_name\":\"s").append(i)
          .append("\",\"span_type\":\"span\",\"parent_span_id\":")
          .append(i == 0 ? "null" : "\"" + spanId(n, 0) + "\"")
          .append(",\"start_time\":1769446311.5,\"end_time\":1769446312,\"input_data\":{\"text\":\"")
          .append(input).append("\"}}");
    }
    json.append("]}");
    return new TraceMessage(traceId, "SDKTraceData", "{}", "0".repeat(32),
        json.toString().getBytes(StandardCharsets.UTF_8), spans);
  }

  private static String spanId(int trace, int span) {
    return String.format(Locale.ROOT, "%08x-%04x-4000-8000-000000000000", trace + 1, span + 1);
  }
}
