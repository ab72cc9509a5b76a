package io.llmops.examples.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./llmops demo http} runs: one trace in which every supported HTTP client calls a
 * local API, sync and async, with a secret in the query and an {@code Authorization} header;
 * then each client span is printed with its library, mode, status and redacted URL.
 */
public final class OutboundHttpDemo {

  /** A query with a secret in it: the spans must show {@code api_key=[REDACTED]}. */
  static final String QUERY = "/search?q=java&api_key=demo-secret-123";

  private OutboundHttpDemo() {}

  public static void main(String[] args) throws Exception {
    LlmopsAgent.install(); // weaves HttpURLConnection (the standard library has no interceptor)
    try {
      print(run());
    } finally {
      Llmops.shutdown(Duration.ofSeconds(5));
    }
  }

  /** Makes the calls in one trace; returns the trace as exported (null if none arrived). */
  static JsonNode run() throws Exception {
    LastTrace sink = new LastTrace();
    Llmops.configure(LlmopsConfig.builder().addSink(sink).build());
    System.out.println("Instrumentation: " + OutboundHttpInstrumentation.enable());
    try (LocalApi api = LocalApi.start(); Clients clients = new Clients()) {
      TraceManager.startTrace("outbound_http_demo");
      List<String> statuses = clients.callAll(api);
      TraceManager.finalizeAndSend(Map.of("calls", statuses.size()), Map.of("statuses", statuses));
    } finally {
      Llmops.flush(Duration.ofSeconds(10));
    }
    return sink.get();
  }

  static List<JsonNode> outboundSpans(JsonNode trace) {
    List<JsonNode> spans = new ArrayList<>();
    trace.path("spans").forEach(span -> {
      if (span.at("/metadata/outbound_http").asBoolean()) {
        spans.add(span);
      }
    });
    return spans;
  }

  private static void print(JsonNode trace) {
    if (trace == null) {
      System.out.println("No trace arrived (see the log above).");
      return;
    }
    List<JsonNode> spans = outboundSpans(trace);
    long async = spans.stream()
        .filter(s -> s.at("/metadata/http.call_mode").asText().equals("async")).count();
    System.out.printf("Trace %s: %d outbound spans (%d sync, %d async)%n",
        trace.path("trace_id").asText(), spans.size(), spans.size() - async, async);
    if (!spans.isEmpty()) {
      System.out.println("Authorization header as recorded: "
          + spans.get(0).at("/metadata/http.request.headers/authorization").asText("(not recorded)"));
    }
    for (JsonNode span : spans) {
      JsonNode m = span.get("metadata");
      System.out.printf("  %-19s %-5s %-4s %3s  %s%n", m.path("http.client.library").asText(),
          m.path("http.call_mode").asText(), m.path("method").asText(),
          m.path("status_code").asText("-"), m.path("url").asText());
    }
    for (HttpClientLibrary library : HttpClientLibrary.values()) {
      boolean seen = spans.stream().anyMatch(s -> s.at("/metadata/http.client.library").asText()
          .equals(library.libraryName()));
      if (!seen) {
        System.out.println("  (" + library.libraryName() + ": not called by this demo)");
      }
    }
  }
}
