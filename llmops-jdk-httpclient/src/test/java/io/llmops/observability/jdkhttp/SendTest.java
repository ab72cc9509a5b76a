package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code send} through the wrapped client: the client span, the trace headers, the errors. */
@Timeout(60)
class SendTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final HttpClient client = LlmopsHttpClient.wrap(HttpClient.newHttpClient());

  SendTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
    OutboundHttpInstrumentation.useConfiguration();
  }

  @Test
  void aSendInATraceIsAClientSpanUnderTheCurrentSpanWithQueryAndHeadersRedacted()
      throws Exception {
    TraceManager.startTrace("fetch_flow");
    HttpResponse<String> response;
    try (Scope ignored = Llmops.span("fetch").startDetached().makeCurrent()) {
      response = client.send(HttpRequest.newBuilder(server.uri("/hello?q=test&api_key=secret123"))
          .header("Authorization", "Bearer super-secret-token").build(), BodyHandlers.ofString());
      Llmops.currentSpan().end();
    }
    TraceManager.finalizeAndSend();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello");
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    JsonNode span = spans.get("GET 127.0.0.1:" + server.port());
    assertThat(DecodedTraces.parentOf(span)).isEqualTo(spans.get("fetch").get("span_id").asText());
    JsonNode metadata = span.get("metadata");
    assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText())
        .isEqualTo("http://127.0.0.1:" + server.port() + "/hello?q=test&api_key=[REDACTED]");
    assertThat(metadata.get("server.address").asText()).isEqualTo("127.0.0.1");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isPositive();
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("jdk-httpclient");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.at("/http.request.headers/authorization").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/content-type").asText()).isEqualTo("text/plain");
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(Exported.everything(Exported.flushed(sink).get(0))).doesNotContain("secret123")
        .doesNotContain("super-secret-token").doesNotContain("abc123def");
  }

  @Test
  void aCallOutsideATraceRecordsNothingAndSendsNoTraceHeaders() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_PROPAGATE_HOSTS", "*")
        .build());
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/hello"))
        .build(), BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("hello");
    assertThat(server.lastHeaders).doesNotContainKey("traceparent");
    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void aListedHostGetsTheClientSpansTraceHeadersOnACopyThatKeepsTheRequestsOwn() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink)
        .set("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1").build());
    TraceManager.startTrace("propagation");
    HttpRequest request = HttpRequest.newBuilder(server.uri("/echo")).header("X-App", "mine")
        .POST(HttpRequest.BodyPublishers.ofString("the body")).build();
    HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(response.body()).isEqualTo("the body");
    assertThat(response.request().headers().firstValue("X-App")).hasValue("mine");
    assertThat(request.headers().firstValue("traceparent")).isEmpty();
    String spanId = Exported.onlyTrace(sink).at("/spans/0/span_id").asText();
    assertThat(server.lastHeaders.get("traceparent")).contains(spanId.replace("-", "").substring(0, 16));
    assertThat(server.lastHeaders.get("x-app")).isEqualTo("mine");
    assertThat(server.lastHeaders).containsKey("x-llmops-trace-id");
  }

  @Test
  void anUnlistedHostGetsNoTraceHeaders() throws Exception {
    TraceManager.startTrace("third_party");
    client.send(HttpRequest.newBuilder(server.uri("/hello")).build(), BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(server.lastHeaders).doesNotContainKeys("traceparent", "x-llmops-trace-id");
    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
  }

  @Test
  void aServerErrorIsReturnedAsItCameAndFailsTheSpan() throws Exception {
    TraceManager.startTrace("errors");
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/fail"))
        .build(), BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("broken");
    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionThrowsTheDelegatesExceptionAndRecordsIt() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + freePort() + "/");
    ForwardingClient real = new ForwardingClient(HttpClient.newHttpClient());
    HttpClient wrapped = LlmopsHttpClient.wrap(real);
    TraceManager.startTrace("refused");
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
        wrapped.send(HttpRequest.newBuilder(closed).build(), BodyHandlers.ofString()));
    TraceManager.finalizeAndSend();

    assertThat(thrown).isInstanceOf(ConnectException.class).isSameAs(real.thrown);
    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText()).startsWith("java.net.ConnectException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aTimeoutThrowsHttpTimeoutExceptionAndRecordsIt() {
    TraceManager.startTrace("timeout");
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.uri("/slow"))
        .timeout(Duration.ofMillis(200)).build(), BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    TraceManager.finalizeAndSend();

    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata/error").asText())
        .startsWith("java.net.http.HttpTimeoutException");
  }

  @Test
  void theApplicationsBodyHandlerExceptionComesOutUnchanged() throws Exception {
    IllegalStateException mine = new IllegalStateException("the application's own");
    HttpResponse.BodyHandler<String> refusing = info -> {
      throw mine;
    };
    HttpRequest request = HttpRequest.newBuilder(server.uri("/hello")).build();
    Throwable bare = org.assertj.core.api.Assertions.catchThrowable(() ->
        HttpClient.newHttpClient().send(request, refusing));
    TraceManager.startTrace("application_failure");
    Throwable traced = org.assertj.core.api.Assertions.catchThrowable(() ->
        client.send(request, refusing));
    TraceManager.finalizeAndSend();

    assertThat(traced).hasSameClassAs(bare).hasMessage(bare.getMessage());
    assertThat(rootCause(traced)).isSameAs(mine);
    assertThat(Exported.onlyTrace(sink).at("/spans/0/status").asText()).isEqualTo("error");
  }

  @Test
  void aCallSeenByTwoLayersIsOneSpan() throws Exception {
    HttpClient layered = LlmopsHttpClient.wrap(new ForwardingClient(
        LlmopsHttpClient.wrap(HttpClient.newHttpClient())));
    TraceManager.startTrace("layers");
    layered.send(HttpRequest.newBuilder(server.uri("/hello")).build(), BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
  }

  @Test
  void aSwitchedOffClientRecordsNothing() throws Exception {
    OutboundHttpInstrumentation.disable(HttpClientLibrary.JDK_HTTP_CLIENT);
    TraceManager.startTrace("quiet");
    try (Scope ignored = Llmops.span("work").startDetached().makeCurrent()) {
      client.send(HttpRequest.newBuilder(server.uri("/hello")).build(), BodyHandlers.ofString());
      Llmops.currentSpan().end();
    }
    TraceManager.finalizeAndSend();

    assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("work");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
