package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Scope;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the server filters share: one trace per request, its server span, and its end. */
@Timeout(60)
class InboundHttpTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** A request as a filter sees it. */
  static class Request implements InboundRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return path;
    }

    Request header(String name, String value) {
      headers.put(name, List.of(value));
      return this;
    }

    @Override
    public Iterable<String> headerNames() {
      return headers.keySet();
    }

    @Override
    public Iterable<String> headerValues(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(Map.Entry::getValue).orElse(null);
    }

    @Override
    public String clientAddress() {
      return "10.0.0.7";
    }
  }

  @Test
  void aRequestIsOneTraceWhoseServerSpanHoldsTheHandlersSpans() {
    TracedRequest traced = InboundHttp.start(new Request("POST", "/chat")
        .header("User-Agent", "curl/8.5").header("Accept", "application/json"));
    assertThat(TraceManager.currentTraceId()).isNull(); // the filter's thread is left as it was
    try (Scope ignored = traced.makeCurrent()) {
      Llmops.span("answer").run(() -> { });
    }
    traced.route("/chat");
    traced.status(200);
    traced.end();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("trace_name").asText()).startsWith("test_project_").hasSizeGreaterThan(13);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode server = spans.get("POST /chat");
    assertThat(DecodedTraces.parentOf(spans.get("answer")))
        .isEqualTo(server.get("span_id").asText());
    assertThat(server.at("/metadata/span.kind").asText()).isEqualTo("server");
    assertThat(server.at("/metadata/http.request.method").asText()).isEqualTo("POST");
    assertThat(server.at("/metadata/http.route").asText()).isEqualTo("/chat");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    assertThat(server.at("/metadata/client.address").asText()).isEqualTo("10.0.0.7");
    assertThat(server.at("/metadata/user_agent.original").asText()).isEqualTo("curl/8.5");
    assertThat(server.at("/metadata/http.request.headers/accept").asText())
        .isEqualTo("application/json");
    assertThat(server.get("status").asText()).isEqualTo("success");
    assertThat(trace.at("/trace_input/path").asText()).isEqualTo("/chat");
    assertThat(trace.at("/trace_output/status_code").asInt()).isEqualTo(200);
  }

  @Test
  void secretHeadersNeverLeaveTheProcess() {
    TracedRequest traced = InboundHttp.start(new Request("GET", "/me")
        .header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl")
        .header("Cookie", "session=4f1c0ffee")
        .header("X-Api-Key", "sk-live-abcdefghijklmnop1234"));
    traced.status(200);
    traced.end();

    String exported = Exported.everything(Exported.flushed(sink).get(0));
    assertThat(exported).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("4f1c0ffee")
        .doesNotContain("sk-live-abcdefghijklmnop1234").contains("[REDACTED]");
  }

  @Test
  void aServerErrorOrAHandlerFailureMarksTheServerSpanFailed() {
    TracedRequest answered500 = InboundHttp.start(new Request("GET", "/a"));
    answered500.status(503);
    answered500.end();
    TracedRequest threw = InboundHttp.start(new Request("GET", "/b"));
    threw.failed(new IllegalStateException("no model"));
    threw.status(500);
    threw.end();
    TracedRequest notFound = InboundHttp.start(new Request("GET", "/c"));
    notFound.status(404);
    notFound.end();

    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    DecodedTraces.of(Exported.flushed(sink)).forEach(t -> byPath.put(t.at("/trace_input/path").asText(), t));
    assertThat(byPath.get("/a").at("/spans/0/status").asText()).isEqualTo("error");
    assertThat(byPath.get("/a").at("/spans/0/error").asText()).isEqualTo("HTTP 503: the server answered 503");
    assertThat(byPath.get("/b").at("/spans/0/error").asText()).isEqualTo("java.lang.IllegalStateException: no model");
    assertThat(byPath.get("/b").at("/spans/0/metadata/exception.message").asText()).isEqualTo("no model");
    assertThat(byPath.get("/c").at("/spans/0/status").asText()).isEqualTo("success");
  }

  @Test
  void theRequestMayEndOnAnotherThreadAsAnAsyncResponseDoes() {
    TracedRequest traced = InboundHttp.start(new Request("GET", "/stream"));
    CompletableFuture.runAsync(() -> {
      try (Scope ignored = traced.makeCurrent()) {
        Llmops.span("chunk").run(() -> { });
      }
      traced.status(200);
      traced.end();
    }).join();
    traced.end(); // a second end does nothing

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(DecodedTraces.spansByName(trace)).containsKeys("GET /stream", "chunk");
  }

  @Test
  void aCallersHeadersMakeTheRequestAChildSegmentOfTheCallersTrace() {
    TracedRequest traced = InboundHttp.start(new Request("GET", "/profile/42")
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .header("x-llmops-trace-id", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736"));
    traced.status(200);
    traced.end();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("trace_id").asText()).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
    assertThat(trace.get("is_child_segment").asBoolean()).isTrue();
    assertThat(DecodedTraces.parentOf(trace.at("/spans/0"))).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void skippedPathsAreNotTracedAndTheSettingReplacesTheDefaults() {
    assertThat(InboundHttp.start(new Request("GET", "/health"))).isNull();
    assertThat(InboundHttp.start(new Request("GET", "/actuator/prometheus"))).isNull();
    assertThat(InboundHttp.start(new Request("GET", "/app/site.CSS"))).isNull();

    Llmops.configure(TestConfigs.isolated().addSink(sink)
        .set("LLMOPS_HTTP_SKIP_PATHS", "/internal/*").set("LLMOPS_HTTP_TRACE_NAME", "{method} {path}")
        .build());
    assertThat(InboundHttp.start(new Request("GET", "/internal/x"))).isNull();
    TracedRequest health = InboundHttp.start(new Request("GET", "/health"));
    health.end();
    assertThat(Exported.onlyTrace(sink).get("trace_name").asText()).isEqualTo("GET /health");
  }

  @Test
  void aRequestTheSdkFailsToReadIsServedUntracedAndCounted() {
    Request broken = new Request("GET", "/x") {
      @Override
      public String path() {
        throw new IllegalStateException("the container lost the request");
      }
    };

    assertThat(InboundHttp.start(broken)).isNull();
    assertThat(Llmops.stats().get("http.server.trace_failed")).isEqualTo(1);
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).isEmpty();
  }
}
