package io.llmops.observability.apache.hc5;

import static io.llmops.observability.apache.hc5.ClientTraces.clientSpan;
import static io.llmops.observability.apache.hc5.ClientTraces.configure;
import static io.llmops.observability.apache.hc5.ClientTraces.inFetchSpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.spi.SdkClock;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.AbstractCharAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An async HttpClient 5 built through LlmopsHttpClient5, against a real local server. */
@Timeout(60)
class AsyncClientSpansTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final CloseableHttpAsyncClient client = started(HttpAsyncClients.custom());

  AsyncClientSpansTest() throws IOException {}

  private static CloseableHttpAsyncClient started(HttpAsyncClientBuilder builder) {
    CloseableHttpAsyncClient built = LlmopsHttpClient5.instrument(builder).build();
    built.start();
    return built;
  }

  @AfterEach
  void close() {
    client.close(CloseMode.IMMEDIATE);
    server.close();
    OutboundHttpInstrumentation.useConfiguration();
  }

  private Future<SimpleHttpResponse> get(String path) {
    return client.execute(SimpleRequestBuilder.get(server.url(path)).build(), null);
  }

  @Test
  void aCallNestsUnderTheSpanCurrentWhereItWasMadeAndEndsBeforeTheFutureCompletes()
      throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    SimpleHttpRequest request = SimpleRequestBuilder.get(server.url("/ok?token=t0k3nvalue"))
        .addHeader("X-Api-Key", "key-abcdef123").build();
    SimpleHttpResponse[] response = new SimpleHttpResponse[1];
    inFetchSpan(() -> response[0] = client.execute(request, null).get(10, TimeUnit.SECONDS));

    assertThat(response[0].getCode()).isEqualTo(200);
    assertThat(response[0].getBodyText()).isEqualTo("hello");
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    JsonNode client = spans.get("GET 127.0.0.1:" + server.port());
    assertThat(DecodedTraces.parentOf(client)).isEqualTo(spans.get("fetch").get("span_id").asText());
    JsonNode metadata = client.get("metadata");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("async");
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("apache-httpclient5");
    assertThat(metadata.get("url").asText()).isEqualTo(server.url("/ok?token=[REDACTED]"));
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isGreaterThan(0);
    assertThat(metadata.at("/http.request.headers/x-api-key").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(server.received().get(0).header("traceparent"))
        .contains(client.get("span_id").asText().replace("-", "").substring(0, 16));
    assertThat(request.getFirstHeader("traceparent")).as("the application's request").isNull();
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("t0k3nvalue").doesNotContain("key-abcdef123")
        .doesNotContain("cookie-secret-42");
  }

  @Test
  void theSpanHasEndedWhenTheApplicationLearnsTheResult() throws Exception {
    Map<String, Long> learntMicros = new java.util.HashMap<>();
    for (String path : List.of("/ok", "/fail", "/stream")) {
      FutureCallback<SimpleHttpResponse> application = new FutureCallback<>() {
        @Override
        public void completed(SimpleHttpResponse result) {
          learntMicros.put(server.url(path), SdkClock.nowMicros());
        }

        @Override
        public void failed(Exception ex) {}

        @Override
        public void cancelled() {}
      };
      inFetchSpan(() -> client.execute(SimpleRequestBuilder.get(server.url(path)).build(),
          application).get(10, TimeUnit.SECONDS));
    }
    List<JsonNode> clientSpans = DecodedTraces.of(Exported.flushed(sink)).stream()
        .flatMap(trace -> DecodedTraces.spansByName(trace).values().stream())
        .filter(span -> span.at("/metadata/outbound_http").asBoolean()).toList();
    assertThat(clientSpans).hasSize(3).allSatisfy(span -> {
      String url = span.at("/metadata/url").asText();
      assertThat(Math.round(span.get("end_time").asDouble() * 1_000_000)).as(url)
          .isLessThanOrEqualTo(learntMicros.get(url));
    });
  }

  @Test
  void aServerErrorFailsTheSpan() throws Exception {
    SimpleHttpResponse[] response = new SimpleHttpResponse[1];
    inFetchSpan(() -> response[0] = get("/fail").get(10, TimeUnit.SECONDS));
    assertThat(response[0].getCode()).isEqualTo(500);
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(client.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionFailsTheFutureAsWithoutTheSdkAndTheSpanRecordsIt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort + "/";
    Throwable plain;
    try (CloseableHttpAsyncClient uninstrumented = HttpAsyncClients.createDefault()) {
      uninstrumented.start();
      plain = catchThrowable(() -> uninstrumented.execute(SimpleRequestBuilder.get(url).build(),
          null).get(10, TimeUnit.SECONDS));
    }
    Throwable[] thrown = new Throwable[1];
    inFetchSpan(() -> thrown[0] = catchThrowable(() -> client.execute(
        SimpleRequestBuilder.get(url).build(), null).get(10, TimeUnit.SECONDS)));
    assertThat(thrown[0]).isInstanceOf(ExecutionException.class);
    assertThat(thrown[0].getCause()).isExactlyInstanceOf(plain.getCause().getClass());
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/error").asText())
        .startsWith(plain.getCause().getClass().getName());
    assertThat(client.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aCancelledCallEndsItsSpan() throws Exception {
    inFetchSpan(() -> {
      Future<SimpleHttpResponse> slow = get("/slow");
      await().until(() -> !server.received().isEmpty());
      assertThat(slow.cancel(true)).isTrue();
      assertThat(catchThrowable(() -> slow.get(10, TimeUnit.SECONDS)))
          .isInstanceOf(CancellationException.class);
    });
    // The trace is sent once its client span ended: at once when the client reports the cancel
    // to the exchange, at the exchange's own end when the cancel came between two of its steps.
    await().atMost(Duration.ofSeconds(10)).until(() -> !Exported.flushed(sink).isEmpty());
    assertThat(clientSpan(sink).get("end_time").isNull()).isFalse();
  }

  @Test
  void aStreamedResponseReachesTheApplicationIntact() throws Exception {
    configure(sink, "LLMOPS_HTTP_BODY_PREVIEW", "true");
    StringBuilder body = new StringBuilder();
    inFetchSpan(() -> client.execute(
        SimpleRequestProducer.create(SimpleRequestBuilder.get(server.url("/stream")).build()),
        new AbstractAsyncResponseConsumer<String, String>(new AbstractCharAsyncEntityConsumer<>() {
          @Override
          protected void streamStart(ContentType contentType) {}

          @Override
          protected int capacityIncrement() {
            return 64;
          }

          @Override
          protected void data(CharBuffer chunk, boolean endOfStream) {
            body.append(chunk);
          }

          @Override
          protected String generateContent() {
            return body.toString();
          }

          @Override
          public void releaseResources() {}
        }) {
          @Override
          protected String buildResult(HttpResponse response, String entity,
              ContentType contentType) {
            return entity;
          }

          @Override
          public void informationResponse(HttpResponse response,
              org.apache.hc.core5.http.protocol.HttpContext context) {}
        }, null).get(10, TimeUnit.SECONDS));
    String[] lines = body.toString().split("\n");
    assertThat(lines).hasSize(LocalServer.STREAM_CHUNKS).startsWith("line 0")
        .endsWith("line " + (LocalServer.STREAM_CHUNKS - 1));
    JsonNode metadata = clientSpan(sink).get("metadata");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.has("http.response.body_preview")).isFalse();
  }

  @Test
  void aSimpleRequestsBodyIsPreviewedRedacted() throws Exception {
    configure(sink, "LLMOPS_HTTP_BODY_PREVIEW", "true");
    SimpleHttpRequest post = SimpleRequestBuilder.post(server.url("/json"))
        .setBody("{\"password\":\"p4ssw0rd!\",\"text\":\"hi\"}", ContentType.APPLICATION_JSON)
        .build();
    SimpleHttpResponse[] response = new SimpleHttpResponse[1];
    inFetchSpan(() -> response[0] = client.execute(post, null).get(10, TimeUnit.SECONDS));
    assertThat(response[0].getBodyText()).contains("tok-123456789");
    assertThat(clientSpan(sink).at("/metadata/http.request.body_preview").asText())
        .isEqualTo("{\"password\":\"[REDACTED]\",\"text\":\"hi\"}");
  }

  @Test
  void aRedirectStaysOneSpanAndEveryHopGetsTheTraceHeaders() throws Exception {
    configure(sink, "LLMOPS_PROPAGATE_HOSTS", "127.0.0.1");
    SimpleHttpResponse[] response = new SimpleHttpResponse[1];
    inFetchSpan(() -> response[0] = get("/redirect").get(10, TimeUnit.SECONDS));
    assertThat(response[0].getBodyText()).isEqualTo("hello");
    JsonNode client = clientSpan(sink);
    assertThat(client.at("/metadata/status_code").asInt()).isEqualTo(200);
    String spanId = client.get("span_id").asText().replace("-", "").substring(0, 16);
    assertThat(server.received()).extracting(LocalServer.Received::path)
        .containsExactly("/redirect", "/ok");
    assertThat(server.received()).allSatisfy(hop ->
        assertThat(hop.header("traceparent")).contains(spanId));
  }

  @Test
  void aCallOutsideATraceRecordsNothing() throws Exception {
    assertThat(get("/ok").get(10, TimeUnit.SECONDS).getCode()).isEqualTo(200);
    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void switchedOffTheCallIsNotRecorded() throws Exception {
    OutboundHttpInstrumentation.disable(HttpClientLibrary.APACHE_HTTPCLIENT5);
    inFetchSpan(() -> get("/ok").get(10, TimeUnit.SECONDS));
    assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("fetch");
  }

  @Test
  void instrumentingABuilderTwiceAddsItsHandlersOnce() throws Exception {
    HttpAsyncClientBuilder builder = HttpAsyncClients.custom();
    assertThat(LlmopsHttpClient5.instrument(LlmopsHttpClient5.instrument(builder)))
        .isSameAs(builder);
    var field = HttpAsyncClientBuilder.class.getDeclaredField("execInterceptors");
    field.setAccessible(true);
    assertThat((List<?>) field.get(builder)).hasSize(2);
  }
}
