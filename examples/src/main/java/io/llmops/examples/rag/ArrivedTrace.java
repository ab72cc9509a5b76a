package io.llmops.examples.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * One SQS message body decoded as the specification's consumer does it: parse the wrapper,
 * base64-decode {@code data}, gunzip, parse the trace JSON.
 */
record ArrivedTrace(String traceId, String name, int spans, long inputTokens, long outputTokens,
    int bodyBytes, int gzipBytes, int jsonBytes, boolean childSegment,
    boolean hasExternalSegments) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ArrivedTrace decode(String body) {
    try {
      JsonNode wrapper = JSON.readTree(body);
      byte[] gzip = Base64.getDecoder().decode(wrapper.get("data").asText());
      byte[] json;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
        json = in.readAllBytes();
      }
      JsonNode trace = JSON.readTree(json);
      return new ArrivedTrace(trace.path("trace_id").asText(), trace.path("trace_name").asText(),
          trace.path("spans").size(), trace.at("/token_usage/total_input_tokens").asLong(),
          trace.at("/token_usage/total_output_tokens").asLong(),
          body.getBytes(StandardCharsets.UTF_8).length, gzip.length, json.length,
          trace.path("is_child_segment").asBoolean(), trace.path("has_external_segments").asBoolean());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String describe() {
    String part = childSegment ? "child segment of trace" : "trace";
    String waits = hasExternalSegments ? "; a child segment from another service is on its way" : "";
    return String.format("%s %s \"%s\": %d spans, %d input + %d output tokens%s; message body %,d"
            + " bytes (trace JSON %,d bytes, gzip %,d bytes = %.0f%% of the JSON)",
        part, traceId, name, spans, inputTokens, outputTokens, waits, bodyBytes, jsonBytes,
        gzipBytes, 100.0 * gzipBytes / jsonBytes);
  }
}
