package io.llmops.observability.apache.hc5;

import static io.llmops.observability.apache.hc5.ClientTraces.clientSpan;
import static io.llmops.observability.apache.hc5.ClientTraces.configure;
import static io.llmops.observability.apache.hc5.ClientTraces.inFetchSpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.OutboundRequest;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A classic HttpClient 5 built through LlmopsHttpClient5, against a real local server. */
@org.junit.jupiter.api.Timeout(60)
class ClassicClientSpansTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final CloseableHttpClient client =
      LlmopsHttpClient5.instrument(HttpClients.custom()).build();

  ClassicClientSpansTest() throws IOException {}

  @AfterEach
  void close() throws IOException {
    client.close();
    server.close();
    OutboundHttpInstrumentation.useConfiguration();
  }

  private String get(HttpGet request) throws IOException {
    return client.execute(request, response -> response.getCode() + " "
        + EntityUtils.toString(response.getEntity()));
  }

  @Test
  void aCallIsAClientSpanUnderTheCurrentSpanWithUrlAndHeadersRedactedAndTraceHeadersSent()
      throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    HttpGet request = new HttpGet(server.url("/ok?q=cats&api_key=secret123"));
    request.setHeader("Authorization", "Bearer super-secret-token");
    request.setHeader("Accept", "text/plain");
    String[] answer = new String[1];
    inFetchSpan(() -> answer[0] = get(request));

    assertThat(answer[0]).isEqualTo("200 hello");
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    JsonNode client = spans.get("GET 127.0.0.1:" + server.port());
    assertThat(DecodedTraces.parentOf(client)).isEqualTo(spans.get("fetch").get("span_id").asText());
    JsonNode metadata = client.get("metadata");
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText())
        .isEqualTo(server.url("/ok?q=cats&api_key=[REDACTED]"));
    assertThat(metadata.get("server.address").asText()).isEqualTo("127.0.0.1");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isGreaterThan(0);
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("apache-httpclient5");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.at("/http.request.headers/authorization").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.request.headers/accept").asText()).isEqualTo("text/plain");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(client.get("status").asText()).isEqualTo("success");
    String traceparent = server.received().get(0).header("traceparent");
    assertThat(traceparent).contains(client.get("span_id").asText().replace("-", "").substring(0, 16));
    assertThat(request.getFirstHeader("traceparent")).as("the application's request").isNull();
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("secret123").doesNotContain("super-secret-token")
        .doesNotContain("cookie-secret-42");
  }

  @Test
  void aRelativeRequestToAHostIsRecordedWithTheAbsoluteUrl() throws Exception {
    inFetchSpan(() -> client.execute(new HttpHost("127.0.0.1", server.port()),
        new HttpGet("/ok?page=2"), response -> EntityUtils.toString(response.getEntity())));
    assertThat(clientSpan(sink).at("/metadata/url").asText()).isEqualTo(server.url("/ok?page=2"));
  }

  @Test
  void traceHeadersGoOnlyToListedHosts() throws Exception {
    inFetchSpan(() -> get(new HttpGet(server.url("/ok"))));
    assertThat(server.received().get(0).header("traceparent")).isNull();
    assertThat(server.received().get(0).header("X-LLMOps-Trace-Id")).isNull();
  }

  @Test
  void aServerErrorFailsTheSpanAndTheApplicationStillGetsTheResponse() throws Exception {
    String[] answer = new String[1];
    inFetchSpan(() -> answer[0] = get(new HttpGet(server.url("/fail"))));
    assertThat(answer[0]).isEqualTo("500 boom");
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/status_code").asInt()).isEqualTo(500);
    assertThat(client.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(client.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionIsRecordedAndThrownAsWithoutTheSdk() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpGet request = new HttpGet("http://127.0.0.1:" + closedPort + "/");
    Throwable[] thrown = new Throwable[1];
    inFetchSpan(() -> thrown[0] = catchThrowable(() -> get(request)));
    assertThat(thrown[0]).isExactlyInstanceOf(HttpHostConnectException.class);
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/error").asText())
        .startsWith(HttpHostConnectException.class.getName() + ": ");
    assertThat(client.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aTimeoutIsRecordedAndTheSameExceptionReachesTheApplication() throws Exception {
    try (CloseableHttpClient impatient = LlmopsHttpClient5.instrument(HttpClients.custom()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.ofMilliseconds(200)).build())
        .disableAutomaticRetries()).build()) {
      Throwable[] thrown = new Throwable[1];
      inFetchSpan(() -> thrown[0] = catchThrowable(() -> impatient.execute(
          new HttpGet(server.url("/slow")), response -> response.getCode())));
      assertThat(thrown[0]).isInstanceOf(SocketTimeoutException.class);
      assertThat(clientSpan(sink).at("/metadata/error").asText())
          .startsWith(thrown[0].getClass().getName());
    }
  }

  @Test
  void anExceptionFromTheChainIsRethrownAsTheSameInstance() throws Exception {
    IOException failure = new IOException("the application's own failure");
    HttpClientBuilder builder = LlmopsHttpClient5.instrument(HttpClients.custom())
        .addExecInterceptorLast("app", (request, scope, chain) -> {
          throw failure;
        });
    try (CloseableHttpClient failing = builder.build()) {
      Throwable[] thrown = new Throwable[1];
      inFetchSpan(() -> thrown[0] = catchThrowable(() -> failing.execute(
          new HttpGet(server.url("/ok")), response -> response.getCode())));
      assertThat(thrown[0]).isSameAs(failure);
      assertThat(clientSpan(sink).at("/metadata/error").asText())
          .isEqualTo("java.io.IOException: the application's own failure");
    }
  }

  @Test
  void aStreamedResponseReachesTheApplicationIntactAfterTheSpanEnded() throws Exception {
    configure(sink, "LLMOPS_HTTP_BODY_PREVIEW", "true");
    StringBuilder body = new StringBuilder();
    inFetchSpan(() -> {
      try (ClassicHttpResponse response = client.executeOpen(null,
          new HttpGet(server.url("/stream")), null);
          BufferedReader reader = new BufferedReader(new InputStreamReader(
              response.getEntity().getContent(), StandardCharsets.UTF_8))) {
        reader.lines().forEach(line -> body.append(line).append('\n'));
      }
    });
    assertThat(body.toString().split("\n")).hasSize(LocalServer.STREAM_CHUNKS)
        .startsWith("line 0").endsWith("line " + (LocalServer.STREAM_CHUNKS - 1));
    JsonNode metadata = clientSpan(sink).get("metadata");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.has("http.response.body_preview")).isFalse();
  }

  @Test
  void aRepeatableRequestBodyIsPreviewedRedactedAndStillSentWhole() throws Exception {
    configure(sink, "LLMOPS_HTTP_BODY_PREVIEW", "true");
    String json = "{\"user\":\"ann\",\"password\":\"p4ssw0rd!\",\"text\":\"hello\"}";
    HttpPost post = new HttpPost(server.url("/json"));
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    String[] answer = new String[1];
    inFetchSpan(() -> answer[0] = client.execute(post,
        response -> EntityUtils.toString(response.getEntity())));
    assertThat(answer[0]).contains("tok-123456789");
    JsonNode metadata = clientSpan(sink).get("metadata");
    assertThat(metadata.get("http.request.body_preview").asText())
        .isEqualTo("{\"user\":\"ann\",\"password\":\"[REDACTED]\",\"text\":\"hello\"}");
    assertThat(metadata.has("http.response.body_preview")).as("a streamed response").isFalse();
  }

  @Test
  void aRedirectStaysOneSpanInOneTrace() throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    String[] answer = new String[1];
    inFetchSpan(() -> answer[0] = get(new HttpGet(server.url("/redirect"))));
    assertThat(answer[0]).isEqualTo("200 hello");
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/url").asText()).isEqualTo(server.url("/redirect"));
    assertThat(client.at("/metadata/status_code").asInt()).isEqualTo(200);
    String spanId = client.get("span_id").asText().replace("-", "").substring(0, 16);
    assertThat(server.received()).extracting(LocalServer.Received::path)
        .containsExactly("/redirect", "/ok");
    assertThat(server.received()).allSatisfy(hop ->
        assertThat(hop.header("traceparent")).contains(spanId));
  }

  @Test
  void aRedirectToAnotherHostDoesNotGetTheTraceHeaders() throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    inFetchSpan(() -> get(new HttpGet(server.url("/away"))));
    assertThat(server.received()).extracting(LocalServer.Received::path)
        .containsExactly("/away", "/ok");
    assertThat(server.received().get(0).header("traceparent")).isNotNull();
    assertThat(server.received().get(1).header("traceparent")).isNull();
    assertThat(server.received().get(1).header("X-LLMOps-Trace-Id")).isNull();
  }

  @Test
  void aCallOutsideATraceRecordsNothing() throws IOException {
    assertThat(get(new HttpGet(server.url("/ok")))).isEqualTo("200 hello");
    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void aCallUnderALayerThatRecordsItAlreadyIsOneSpan() throws Exception {
    OutboundRequest outer = new OutboundRequest() {
      public HttpClientLibrary library() {
        return HttpClientLibrary.SPRING_WEB;
      }

      public boolean async() {
        return false;
      }

      public String method() {
        return "GET";
      }

      public String url() {
        return server.url("/ok");
      }
    };
    inFetchSpan(() -> {
      OutboundCall layer = OutboundHttp.start(outer);
      try (Scope ignored = layer.makeCurrent()) {
        get(new HttpGet(server.url("/ok")));
      }
      layer.end();
    });
    assertThat(clientSpan(sink).at("/metadata/http.client.library").asText()).isEqualTo("spring-web");
  }

  @Test
  void switchedOffTheCallIsNotRecordedNorItsHeadersSent() throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    OutboundHttpInstrumentation.disable(HttpClientLibrary.APACHE_HTTPCLIENT5);
    inFetchSpan(() -> get(new HttpGet(server.url("/ok"))));
    assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("fetch");
    assertThat(server.received().get(0).header("traceparent")).isNull();
  }

  @Test
  void instrumentingABuilderTwiceAddsItsHandlersOnce() throws Exception {
    HttpClientBuilder builder = HttpClients.custom();
    assertThat(LlmopsHttpClient5.instrument(LlmopsHttpClient5.instrument(builder)))
        .isSameAs(builder);
    var field = HttpClientBuilder.class.getDeclaredField("execInterceptors");
    field.setAccessible(true);
    assertThat((List<?>) field.get(builder)).hasSize(2);
  }

  @Test
  void aNullBuilderIsRefusedByName() {
    assertThatThrownBy(() -> LlmopsHttpClient5.instrument((HttpClientBuilder) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("builder");
  }
}
