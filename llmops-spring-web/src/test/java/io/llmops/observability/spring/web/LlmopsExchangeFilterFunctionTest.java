package io.llmops.observability.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.InboundRequest;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.TracedRequest;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** WebClient calls become client spans, against a real server, on Reactor Netty by default. */
@Timeout(60)
class LlmopsExchangeFilterFunctionTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @AfterEach
  void resetSwitches() {
    OutboundHttpInstrumentation.useConfiguration();
  }

  private static WebClient webClient() {
    return WebClient.builder().filter(new LlmopsExchangeFilterFunction()).build();
  }

  @Test
  void aCallIsAnAsyncClientSpanUnderTheSpanCurrentWhenItIsSubscribed() throws Exception {
    try (LocalServer server = new LocalServer()) {
      Mono<String> answer = webClient().get().uri(server.url("/ok?token=t0k3nv4lue"))
          .header("X-Api-Key", "k3yv4lue").retrieve().bodyToMono(String.class);
      TraceManager.startTrace("profile");
      try (Span fetch = Llmops.span("fetch").start()) {
        assertThat(answer.block()).isEqualTo("{\"answer\":42}");
      }
      TraceManager.finalizeAndSend();

      Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
      JsonNode client = spans.get("GET 127.0.0.1:" + server.port());
      assertThat(DecodedTraces.parentOf(client))
          .isEqualTo(spans.get("fetch").get("span_id").asText());
      JsonNode metadata = client.get("metadata");
      assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
      assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
      assertThat(metadata.get("url").asText()).isEqualTo(server.url("/ok?token=[REDACTED]"));
      assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
      assertThat(metadata.get("latency_ms").asDouble()).isPositive();
      assertThat(metadata.get("http.client.library").asText()).isEqualTo("spring-webclient");
      assertThat(metadata.get("http.call_mode").asText()).isEqualTo("async");
      assertThat(metadata.at("/http.request.headers/x-api-key").asText()).isEqualTo("[REDACTED]");
      assertThat(metadata.at("/http.response.headers/set-cookie").asText())
          .isEqualTo("[REDACTED]");
      assertThat(Exported.everything(sink.messages().get(0))).doesNotContain("t0k3nv4lue")
          .doesNotContain("k3yv4lue").doesNotContain("s3ss10nc00kie");
    }
  }

  @Test
  void aCallSubscribedOnAThreadWithoutATraceNestsUnderTheRequestInTheReactorContext()
      throws Exception {
    try (LocalServer server = new LocalServer()) {
      TracedRequest inbound = InboundHttp.start(new Inbound());
      String answer = webClient().get().uri(server.url("/ok")).retrieve()
          .bodyToMono(String.class)
          .subscribeOn(Schedulers.boundedElastic())
          .contextWrite(context -> context.put(TracedRequest.class, inbound))
          .block();
      inbound.end();

      assertThat(answer).isEqualTo("{\"answer\":42}");
      JsonNode trace = Exported.onlyTrace(sink);
      Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
      String client = "GET 127.0.0.1:" + server.port();
      assertThat(spans).containsKey(client);
      assertThat(DecodedTraces.parentOf(spans.get(client))).isEqualTo(inbound.span().spanId());
    }
  }

  @Test
  void aServerErrorFailsTheSpanAndTheApplicationGetsWebClientsOwnException() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("errors");
      assertThatThrownBy(() -> webClient().get().uri(server.url("/fail")).retrieve()
          .bodyToMono(String.class).block())
          .isInstanceOf(WebClientResponseException.InternalServerError.class);
      TraceManager.finalizeAndSend();

      JsonNode client = Exported.onlyTrace(sink).at("/spans/0");
      assertThat(client.at("/metadata/error").asText()).isEqualTo("HTTP 500");
      assertThat(client.get("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void aRefusedConnectionIsRecordedAndTheSubscriberGetsTheSameException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // What the connector signalled, as a filter below ours saw it.
    List<Throwable> seenBelow = new CopyOnWriteArrayList<>();
    WebClient client = WebClient.builder().filter(new LlmopsExchangeFilterFunction())
        .filter((request, next) -> next.exchange(request).doOnError(seenBelow::add)).build();
    TraceManager.startTrace("refused");
    assertThatThrownBy(() -> client.get().uri("http://127.0.0.1:" + closedPort + "/x")
        .retrieve().toBodilessEntity().block())
        .isInstanceOf(WebClientRequestException.class)
        .satisfies(e -> assertThat(e).isSameAs(seenBelow.get(0)));
    TraceManager.finalizeAndSend();

    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText())
        .startsWith(WebClientRequestException.class.getName());
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aCancelledCallEndsItsSpanAsCancelled() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("impatient");
      assertThatThrownBy(() -> webClient().get().uri(server.url("/hang")).retrieve()
          .bodyToMono(String.class).timeout(Duration.ofMillis(300)).block())
          .hasCauseInstanceOf(TimeoutException.class);
      TraceManager.finalizeAndSend();

      JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
      assertThat(span.at("/metadata/error").asText())
          .startsWith("java.util.concurrent.CancellationException");
      assertThat(span.get("status").asText()).isEqualTo("error");
    }
  }

  @Test
  void aStreamedResponseReachesTheApplicationWhole() throws Exception {
    try (LocalServer server = new LocalServer()) {
      TraceManager.startTrace("download");
      byte[] body = DataBufferUtils.join(webClient().get().uri(server.url("/stream")).retrieve()
          .bodyToFlux(DataBuffer.class)).map(LlmopsExchangeFilterFunctionTest::bytes).block();
      TraceManager.finalizeAndSend();

      assertThat(body).isEqualTo(LocalServer.expectedStream());
      assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata/status_code").asInt())
          .isEqualTo(200);
    }
  }

  @Test
  void traceHeadersGoIntoTheRequestForListedHosts() throws Exception {
    try (LocalServer server = new LocalServer()) {
      Llmops.configure(TestConfigs.isolated().addSink(sink)
          .set("LLMOPS_PROPAGATE_HOSTS", "127.0.0.1").build());
      TraceManager.startTrace("listed");
      webClient().get().uri(server.url("/ok")).retrieve().toBodilessEntity().block();
      TraceManager.finalizeAndSend();

      String spanId = Exported.onlyTrace(sink).at("/spans/0/span_id").asText();
      assertThat(server.lastHeaders.get("traceparent"))
          .contains(spanId.replace("-", "").substring(0, 16));
    }
  }

  @Test
  void aCallOutsideATraceOrWithTheLibraryOffRecordsNothing() throws Exception {
    try (LocalServer server = new LocalServer()) {
      assertThat(webClient().get().uri(server.url("/ok")).retrieve().bodyToMono(String.class)
          .block()).isEqualTo("{\"answer\":42}");
      OutboundHttpInstrumentation.disable(HttpClientLibrary.SPRING_WEBCLIENT);
      TraceManager.startTrace("off");
      try (Span work = Llmops.span("work").start()) {
        webClient().get().uri(server.url("/ok")).retrieve().toBodilessEntity().block();
      }
      TraceManager.finalizeAndSend();

      assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("work");
    }
  }

  @Test
  void theJdkClientUnderneathSeesTheCallRecordedAlreadyAndRecordsNoSecondSpan()
      throws Exception {
    try (LocalServer server = new LocalServer()) {
      WovenJdkClient underneath = new WovenJdkClient();
      JdkClientHttpConnector jdk = new JdkClientHttpConnector();
      // The JDK client sends when the connector's Mono is subscribed to.
      ClientHttpConnector woven = (method, uri, write) -> Mono.defer(() -> {
        underneath.send(method, uri);
        return jdk.connect(method, uri, write);
      });
      WebClient client = WebClient.builder().clientConnector(woven)
          .filter(new LlmopsExchangeFilterFunction()).build();
      TraceManager.startTrace("layers");
      client.get().uri(server.url("/ok")).retrieve().toBodilessEntity().block();
      TraceManager.finalizeAndSend();

      assertThat(underneath.calls).containsExactly((OutboundCall) null);
      assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
    }
  }

  private static byte[] bytes(DataBuffer buffer) {
    byte[] bytes = new byte[buffer.readableByteCount()];
    buffer.read(bytes);
    DataBufferUtils.release(buffer);
    return bytes;
  }

  /** An inbound request, as a server filter sees it. */
  private static final class Inbound implements InboundRequest {

    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String path() {
      return "/profile";
    }

    @Override
    public Iterable<String> headerNames() {
      return List.of();
    }

    @Override
    public @Nullable Iterable<String> headerValues(String name) {
      return null;
    }

    @Override
    public @Nullable String clientAddress() {
      return "127.0.0.1";
    }
  }
}
