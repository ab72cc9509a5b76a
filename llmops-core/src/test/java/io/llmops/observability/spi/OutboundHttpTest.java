package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.OutboundHttpInstrumentation.Status;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one rule every client integration follows: what a call records, where, and when not. */
@Timeout(60)
class OutboundHttpTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** A request as a client integration sees it. */
  record Request(HttpClientLibrary library, boolean async, String method, String url,
      Map<String, String> headers) implements OutboundRequest {

    Request(String method, String url) {
      this(HttpClientLibrary.JDK_HTTP_CLIENT, false, method, url, new LinkedHashMap<>());
    }

    Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    @Override
    public void forEachHeader(BiConsumer<String, String> action) {
      headers.forEach(action);
    }
  }

  @AfterEach
  void resetSwitches() {
    OutboundHttpInstrumentation.useConfiguration();
  }

  @Test
  void aCallInATraceIsAClientSpanUnderTheCurrentSpanWithUrlAndHeadersRedacted() {
    TraceManager.startTrace("external_call_flow");
    try (Scope ignored = Llmops.span("fetch").startDetached().makeCurrent()) {
      OutboundCall call = OutboundHttp.start(new Request("GET",
          "https://user:hunter2@example.com:8443/search?q=test&api_key=secret123#frag")
          .header("Authorization", "Bearer super-secret-token").header("Accept", "text/plain"));
      call.response(200, (action) -> action.accept("Set-Cookie", "sid=abc123def"));
      call.end();
      Llmops.currentSpan().end();
    }
    TraceManager.finalizeAndSend();

    JsonNode trace = Exported.onlyTrace(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode client = spans.get("GET example.com:8443");
    assertThat(DecodedTraces.parentOf(client)).isEqualTo(spans.get("fetch").get("span_id").asText());
    JsonNode metadata = client.get("metadata");
    assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText())
        .isEqualTo("https://example.com:8443/search?q=test&api_key=[REDACTED]");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("jdk-httpclient");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.at("/http.request.headers/authorization").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.request.headers/accept").asText()).isEqualTo("text/plain");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(client.get("status").asText()).isEqualTo("success");
    String exported = Exported.everything(Exported.flushed(sink).get(0));
    assertThat(exported).doesNotContain("hunter2").doesNotContain("secret123")
        .doesNotContain("super-secret-token").doesNotContain("abc123def").doesNotContain("frag");
  }

  @Test
  void noTraceNoSpanAndNoOrphanTrace() {
    assertThat(OutboundHttp.start(new Request("GET", "http://127.0.0.1:9/health"))).isNull();
    Llmops.flush(java.time.Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void aCallInsideARecordedCallIsNotRecordedTwice() {
    TraceManager.startTrace("layers");
    OutboundCall outer = OutboundHttp.start(new Request("GET", "http://127.0.0.1:1/a"));
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(OutboundHttp.start(new Request("GET", "http://127.0.0.1:1/a"))).isNull();
    }
    outer.end();
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
  }

  @Test
  void theSdksOwnCallsAndDisabledLibrariesAreNotRecorded() {
    TraceManager.startTrace("quiet");
    try (Scope ignored = OutboundHttp.suppress()) {
      assertThat(OutboundHttp.start(new Request("POST", "https://sqs.us-east-1.amazonaws.com/"))).isNull();
    }
    Map<HttpClientLibrary, Status> status = OutboundHttpInstrumentation.disable(
        HttpClientLibrary.JDK_HTTP_CLIENT);
    assertThat(status.get(HttpClientLibrary.JDK_HTTP_CLIENT)).isEqualTo(Status.AVAILABLE);
    assertThat(status.get(HttpClientLibrary.URL_CONNECTION)).isEqualTo(Status.ENABLED);
    assertThat(status.get(HttpClientLibrary.OKHTTP)).isEqualTo(Status.ABSENT);
    assertThat(OutboundHttp.start(new Request("GET", "http://127.0.0.1:1/"))).isNull();
    assertThat(OutboundHttpInstrumentation.enable().get(HttpClientLibrary.JDK_HTTP_CLIENT))
        .isEqualTo(Status.ENABLED);
    OutboundHttpInstrumentation.disable();
    assertThat(OutboundHttpInstrumentation.status().values()).doesNotContain(Status.ENABLED);
    TraceManager.finalizeAndSend();
  }

  @Test
  void theSettingChoosesTheLibrariesUntilASwitchOverridesIt() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_HTTP_CLIENTS", "okhttp")
        .build());
    assertThat(OutboundHttpInstrumentation.isEnabled(HttpClientLibrary.OKHTTP)).isTrue();
    assertThat(OutboundHttpInstrumentation.isEnabled(HttpClientLibrary.JDK_HTTP_CLIENT)).isFalse();
    OutboundHttpInstrumentation.enable(HttpClientLibrary.JDK_HTTP_CLIENT);
    assertThat(OutboundHttpInstrumentation.isEnabled(HttpClientLibrary.JDK_HTTP_CLIENT)).isTrue();
    assertThat(OutboundHttpInstrumentation.isEnabled(HttpClientLibrary.OKHTTP)).isTrue();
  }

  @Test
  void traceHeadersGoOnlyToListedHosts() {
    Llmops.configure(TestConfigs.isolated().addSink(sink)
        .set("LLMOPS_PROPAGATE_HOSTS", "*.internal.example, localhost:8080").build());
    TraceManager.startTrace("propagation");
    OutboundCall thirdParty = OutboundHttp.start(new Request("GET", "https://api.example.com/x"));
    OutboundCall internal = OutboundHttp.start(new Request("GET", "http://users.internal.example/x"));
    OutboundCall otherPort = OutboundHttp.start(new Request("GET", "http://localhost:9090/x"));
    OutboundCall listedPort = OutboundHttp.start(new Request("GET", "http://LOCALHOST:8080/x"));
    assertThat(thirdParty.propagationHeaders()).isEmpty();
    assertThat(otherPort.propagationHeaders()).isEmpty();
    assertThat(internal.propagationHeaders()).containsKey("traceparent");
    assertThat(listedPort.propagationHeaders().get("traceparent"))
        .contains(listedPort.span().spanId().replace("-", "").substring(0, 16));
    for (OutboundCall call : new OutboundCall[] {thirdParty, internal, otherPort, listedPort}) {
      call.end();
    }
    TraceManager.finalizeAndSend();
  }

  @Test
  void aCallInsideAnExternalCallRecordsOntoItAndAlwaysSendsTheHeaders() {
    TraceManager.startTrace("profile");
    try (ExternalCall external = ExternalCall.to("user_service").start()) {
      OutboundCall call = OutboundHttp.start(new Request("GET", "https://users.example/p?token=t0k3nvalue"));
      assertThat(call.ownsSpan()).isFalse();
      assertThat(call.propagationHeaders()).containsKey("traceparent");
      call.response(200, null);
      call.end();
      external.answered();
    }
    TraceManager.finalizeAndSend();
    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("spans")).hasSize(1);
    JsonNode metadata = trace.at("/spans/0/metadata");
    assertThat(metadata.get("http.status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("http.url").asText()).isEqualTo("https://users.example/p?token=[REDACTED]");
    assertThat(trace.get("has_external_segments").asBoolean()).isTrue();
  }

  @Test
  void aModelApiCallInsideAGenerationAddsToItInsteadOfASecondSpan() {
    TraceManager.startTrace("chat");
    try (Span generation = Llmops.generation("answer").start()) {
      OutboundCall call = OutboundHttp.start(new Request("POST", "https://api.openai.com/v1/chat/completions"));
      call.response(429, null);
      call.end();
      OutboundCall other = OutboundHttp.start(new Request("GET", "https://search.example/q?x=1"));
      other.end();
    }
    TraceManager.finalizeAndSend();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans).containsOnlyKeys("answer", "GET search.example");
    assertThat(spans.get("answer").at("/metadata/http.status_code").asInt()).isEqualTo(429);
    assertThat(spans.get("answer").at("/metadata/http.client.library").asText()).isEqualTo("jdk-httpclient");
  }

  @Test
  void bodiesArePreviewedOnlyWhenAskedRedactedBeforeTheyAreCut() {
    byte[] json = "{\"user\":\"ann\",\"password\":\"p4ssw0rd!\",\"text\":\"hello world\"}"
        .getBytes(StandardCharsets.UTF_8);
    TraceManager.startTrace("off");
    OutboundCall off = OutboundHttp.start(new Request("POST", "http://127.0.0.1:1/login"));
    assertThat(off.previewsBodies()).isFalse();
    off.requestBody("application/json", json, json.length);
    off.end();
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata").has("http.request.body_preview")).isFalse();

    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_HTTP_BODY_PREVIEW", "true")
        .set("LLMOPS_HTTP_BODY_PREVIEW_CHARS", "40").build());
    TraceManager.startTrace("on");
    OutboundCall on = OutboundHttp.start(new Request("POST", "http://127.0.0.1:1/login"));
    on.requestBody("application/json; charset=utf-8", json, json.length);
    on.responseBody("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 4);
    byte[] form = "grant_type=password&client_secret=s3cr3tv4lue&scope=read".getBytes(StandardCharsets.UTF_8);
    on.responseBody("application/x-www-form-urlencoded", form, form.length);
    on.end();
    TraceManager.finalizeAndSend();
    JsonNode metadata = DecodedTraces.of(Exported.flushed(sink)).stream()
        .filter(t -> t.get("trace_name").asText().equals("on")).findFirst().orElseThrow()
        .at("/spans/0/metadata");
    assertThat(metadata.get("http.request.body_preview").asText())
        .isEqualTo("{\"user\":\"ann\",\"password\":\"[REDACTED]\",\"t");
    assertThat(metadata.get("http.request.body_preview_truncated").asBoolean()).isTrue();
    assertThat(metadata.get("http.response.body_preview").asText()) // a mask is never cut
        .isEqualTo("grant_type=password&client_secret=");
  }

  @Test
  void aFailedCallRecordsTheErrorAndAnErrorStatusFailsTheSpan() {
    TraceManager.startTrace("errors");
    OutboundCall refused = OutboundHttp.start(new Request("GET", "http://127.0.0.1:1/"));
    refused.failed(new ConnectException("Connection refused"));
    refused.end();
    OutboundCall serverError = OutboundHttp.start(new Request("GET", "http://127.0.0.1:2/"));
    serverError.response(500, null);
    serverError.end();
    TraceManager.finalizeAndSend();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans.get("GET 127.0.0.1:1").at("/metadata/error").asText())
        .isEqualTo("java.net.ConnectException: Connection refused");
    assertThat(spans.get("GET 127.0.0.1:1").get("status").asText()).isEqualTo("error");
    assertThat(spans.get("GET 127.0.0.1:2").at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(spans.get("GET 127.0.0.1:2").get("status").asText()).isEqualTo("error");
  }

  @Test
  void headersThatCannotBeRedactedAreLeftOutNotRecordedAsTheyAre() {
    OutboundRequest unreadable = new OutboundRequest() {
      @Override
      public HttpClientLibrary library() {
        return HttpClientLibrary.OKHTTP;
      }

      @Override
      public boolean async() {
        return false;
      }

      @Override
      public String method() {
        return "GET";
      }

      @Override
      public String url() {
        return "https://api.example.com/x?token=abc";
      }

      @Override
      public void forEachHeader(BiConsumer<String, String> action) {
        action.accept("X-Note", "harmless");
        throw new IllegalStateException("headers changed while read");
      }
    };
    TraceManager.startTrace("fail_closed");
    OutboundCall call = OutboundHttp.start(unreadable);
    call.end();
    TraceManager.finalizeAndSend();

    JsonNode metadata = Exported.onlyTrace(sink).at("/spans/0/metadata");
    assertThat(metadata.has("http.request.headers")).isFalse();
    assertThat(metadata.get("url").asText()).isEqualTo("https://api.example.com/x?token=[REDACTED]");
    assertThat(Llmops.stats().get(OutboundHttp.COUNTER_REDACTION_FAILED)).isEqualTo(1);
  }
}
