package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.agent.fixtures.LocalHttpServer;
import io.llmops.observability.agent.internal.StartupStats;
import io.llmops.observability.agent.testing.OutboundHttpAgentTest;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.OutboundRequest;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.WireDecoder;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the agent, the JDK's {@code java.net.http.HttpClient} calls in a trace are client spans. */
@Timeout(60)
class HttpClientTracesTest extends OutboundHttpAgentTest {

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpRequest get(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(server.url(pathAndQuery)))
        .header("Authorization", "Bearer header-secret-value").build();
  }

  private JsonNode clientSpan(JsonNode trace, String method) {
    return DecodedTraces.spansByName(trace).get(server.spanName(method));
  }

  @Test
  void aSyncCallIsAClientSpanUnderTheCurrentSpanWithItsQueryAndHeadersRedacted() throws Exception {
    HttpResponse<String> response = inTrace(() -> client.send(get("/ok?q=cats&token=query-secret-value"),
        HttpResponse.BodyHandlers.ofString()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"answer\":42");
    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = clientSpan(trace, "GET");
    assertThat(DecodedTraces.parentOf(span)).isEqualTo(fetchSpanId(trace));
    JsonNode metadata = span.get("metadata");
    assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText()).isEqualTo(server.url("/ok?q=cats&token=[REDACTED]"));
    assertThat(metadata.get("server.address").asText()).isEqualTo("127.0.0.1");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isGreaterThan(0);
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("jdk-httpclient");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.at("/http.request.headers/authorization").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("query-secret-value").doesNotContain("header-secret-value")
        .doesNotContain("cookie-secret-value");
  }

  @Test
  void anAsyncCallNestsUnderTheSpanThatStartedItAndEndsWhenItsFutureCompletes() throws Exception {
    CompletableFuture<HttpResponse<String>> future = inTrace(() -> {
      CompletableFuture<HttpResponse<String>> started =
          client.sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString());
      server.release();
      started.join();
      return started;
    });

    assertThat(future.join().body()).isEqualTo("{\"late\":true}");
    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = clientSpan(trace, "GET");
    assertThat(DecodedTraces.parentOf(span)).isEqualTo(fetchSpanId(trace));
    assertThat(span.at("/metadata/http.call_mode").asText()).isEqualTo("async");
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(200);
  }

  @Test
  void aServerErrorMarksTheSpanAndTheApplicationGetsTheResponseUnchanged() throws Exception {
    HttpResponse<String> response = inTrace(() -> client.send(get("/fail"),
        HttpResponse.BodyHandlers.ofString()));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"error\":\"broken\"}");
    JsonNode span = clientSpan(Exported.onlyTrace(sink), "GET");
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(500);
    assertThat(span.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionReachesTheApplicationUnchangedAndMarksTheSpan() throws Exception {
    String refused = LocalHttpServer.refusedUrl();
    HttpRequest request = HttpRequest.newBuilder(URI.create(refused)).build();

    assertThatThrownBy(() -> inTrace(() -> client.send(request,
        HttpResponse.BodyHandlers.ofString()))).isInstanceOf(ConnectException.class);

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = DecodedTraces.spansByName(trace)
        .get("GET 127.0.0.1:" + URI.create(refused).getPort());
    assertThat(span.at("/metadata/error").asText()).startsWith("java.net.ConnectException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aTimeoutReachesTheApplicationUnchangedAndMarksTheSpan() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/slow")))
        .timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> inTrace(() -> client.send(request,
        HttpResponse.BodyHandlers.ofString()))).isInstanceOf(HttpTimeoutException.class);

    JsonNode span = clientSpan(Exported.onlyTrace(sink), "GET");
    assertThat(span.at("/metadata/error").asText())
        .startsWith("java.net.http.HttpTimeoutException");
  }

  @Test
  void aStreamedResponseReachesTheApplicationWhole() throws Exception {
    String body = inTrace(() -> {
      HttpResponse<InputStream> response =
          client.send(get("/stream"), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });

    assertThat(body).isEqualTo(LocalHttpServer.STREAMED);
    assertThat(clientSpan(Exported.onlyTrace(sink), "GET").at("/metadata/status_code").asInt())
        .isEqualTo(200);
  }

  @Test
  void theTraceHeadersGoOnlyToTheListedHosts() throws Exception {
    inTrace(() -> client.send(get("/ok"), HttpResponse.BodyHandlers.discarding()));
    assertThat(server.traceparentReceived("/ok")).isEqualTo("none");

    configureWith("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    HttpRequest request = get("/echo");
    HttpResponse<String> response = inTrace(() -> client.send(request,
        HttpResponse.BodyHandlers.ofString()));

    String clientSpanId = clientSpan(Exported.flushed(sink).stream()
        .map(message -> WireDecoder.trace(message.body()))
        .toList().get(1), "GET").get("span_id").asText();
    // traceparent's parent id: the client span's id, its first 16 hex digits
    assertThat(server.traceparentReceived("/echo"))
        .endsWith("-" + clientSpanId.replace("-", "").substring(0, 16) + "-01");
    assertThat(request.headers().firstValue("traceparent")).isEmpty();
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aResponseBodyInMemoryIsPreviewedRedactedWhenPreviewsAreOn() throws Exception {
    configureWith("LLMOPS_HTTP_BODY_PREVIEW", "true");
    inTrace(() -> client.send(get("/ok"), HttpResponse.BodyHandlers.ofString()));

    JsonNode span = clientSpan(Exported.onlyTrace(sink), "GET");
    assertThat(span.at("/metadata/http.response.body_preview").asText())
        .contains("\"answer\":42").doesNotContain("body-secret-value");
  }

  @Test
  void aCallOutsideATraceRecordsNothing() throws Exception {
    assertThat(client.send(get("/ok"), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    assertThat(client.sendAsync(get("/ok"), HttpResponse.BodyHandlers.ofString()).join()
        .statusCode()).isEqualTo(200);

    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void aCallAnOuterLayerRecordsAlreadyIsOneSpan() throws Exception {
    inTrace(() -> {
      OutboundCall outer = OutboundHttp.start(new Outer(server.url("/ok")));
      try (Scope ignored = outer.makeCurrent()) {
        return client.send(get("/ok"), HttpResponse.BodyHandlers.ofString());
      } finally {
        outer.response(200, null);
        outer.end();
      }
    });

    List<JsonNode> clientSpans = clientSpans(Exported.onlyTrace(sink));
    assertThat(clientSpans).hasSize(1);
    assertThat(clientSpans.get(0).at("/metadata/http.client.library").asText())
        .isEqualTo("spring-web");
  }

  @Test
  void switchedOffAtRunTimeItRecordsNothingAndSwitchedOnAgainItRecords() throws Exception {
    OutboundHttpInstrumentation.disable(HttpClientLibrary.JDK_HTTP_CLIENT);
    inTrace(() -> client.send(get("/ok"), HttpResponse.BodyHandlers.ofString()));
    assertThat(clientSpan(Exported.onlyTrace(sink), "GET")).isNull();

    OutboundHttpInstrumentation.enable(HttpClientLibrary.JDK_HTTP_CLIENT);
    inTrace(() -> client.send(get("/ok"), HttpResponse.BodyHandlers.ofString()));
    assertThat(traces()).hasSize(2);
    assertThat(clientSpan(traces().get(1), "GET")).isNotNull();
  }

  @Test
  void theJdkClassesAreWovenAtInstall() {
    assertThat(StartupStats.httpClients()).isTrue();
  }

  /** An outer layer (a Spring interceptor, the explicit wrapper) recording the call itself. */
  private record Outer(String url) implements OutboundRequest {
    @Override
    public HttpClientLibrary library() {
      return HttpClientLibrary.SPRING_WEB;
    }

    @Override
    public boolean async() {
      return false;
    }

    @Override
    public String method() {
      return "GET";
    }
  }
}
