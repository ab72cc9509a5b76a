package io.llmops.observability.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.WireDecoder;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests to a real WebFlux service on Reactor Netty, traced by the auto-configured filter. */
@Timeout(120)
class LlmopsWebFilterTest {

  private static ChatService service;
  private static HttpClient client;

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @BeforeAll
  static void startService() {
    service = ChatService.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @Test
  void theHandlersSpansOnOtherSchedulersNestUnderTheRequestsServerSpan() throws Exception {
    HttpResponse<String> response = get("/chat/7");

    assertThat(response.body()).isEqualTo("format 7");
    JsonNode trace = sentTrace();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode server = spans.get("GET /chat/7");
    assertThat(spans).containsOnlyKeys("GET /chat/7", "retrieve", "rank", "answer", "format");
    for (String handlerSpan : List.of("retrieve", "rank", "answer", "format")) {
      assertThat(DecodedTraces.parentOf(spans.get(handlerSpan))).as(handlerSpan)
          .isEqualTo(server.get("span_id").asText());
    }
    assertThat(server.at("/metadata/http.route").asText()).isEqualTo("/chat/{id}");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    assertThat(server.at("/metadata/client.address").asText()).isEqualTo("127.0.0.1");
    assertThat(server.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aRequestBodyThatArrivesLaterOnTheEventLoopIsReadInsideTheRequest() throws Exception {
    try (Socket socket = RawHttp.send(service.port(), "POST /echo HTTP/1.1\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n")) {
      Thread.sleep(200); // the handler has subscribed to the body before it comes
      RawHttp.write(socket, "hello");
      assertThat(RawHttp.readUntil(socket, "read body hello")).startsWith("HTTP/1.1 200");
    }

    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    assertThat(DecodedTraces.parentOf(spans.get("read body")))
        .isEqualTo(spans.get("POST /echo").get("span_id").asText());
  }

  @Test
  void aStreamedResponseEndsTheTraceAfterItsLastElement() throws Exception {
    HttpResponse<String> response = get("/stream");

    assertThat(response.body()).contains("element 2 stream");
    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    JsonNode server = spans.get("GET /stream");
    for (int i = 0; i < 3; i++) {
      JsonNode element = spans.get("element " + i);
      assertThat(DecodedTraces.parentOf(element)).isEqualTo(server.get("span_id").asText());
      assertThat(server.get("end_time").asDouble())
          .isGreaterThanOrEqualTo(element.get("end_time").asDouble());
    }
  }

  @Test
  void elementsTheServerAsksForFromItsEventLoopAreMadeInsideTheRequest() throws Exception {
    assertThat(get("/numbers").body()).contains("number 299 numbers");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    for (int i = 0; i < ChatService.Handlers.NUMBERS; i++) {
      assertThat(DecodedTraces.parentOf(spans.get("number " + i))).as("number " + i)
          .isEqualTo(spans.get("GET /numbers").get("span_id").asText());
    }
  }

  @Test
  void aFailingHandlerFailsTheServerSpanAndItsErrorReachesTheServerUnchanged() throws Exception {
    HttpResponse<String> response = get("/fail");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(ChatService.errorSeen.get()).isSameAs(ChatService.NO_MODEL);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    JsonNode server = spans.get("GET /fail");
    assertThat(server.get("status").asText()).isEqualTo("error");
    assertThat(server.get("error").asText()).isEqualTo("java.lang.IllegalStateException: no model");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(500);
    assertThat(DecodedTraces.parentOf(spans.get("lookup"))).isEqualTo(server.get("span_id").asText());
  }

  @Test
  void aRouteThatDoesNotExistIsA404ThatDidNotFail() throws Exception {
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);

    JsonNode server = sentTrace().at("/spans/0");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(404);
    assertThat(server.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aStreamTheClientAbandonsStillEndsItsTrace() throws Exception {
    try (Socket socket = RawHttp.send(service.port(),
        "GET /endless HTTP/1.1\r\nAccept: text/event-stream\r\n")) {
      RawHttp.readUntil(socket, "tick 1 endless");
    }

    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    JsonNode server = spans.get("GET /endless");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    assertThat(DecodedTraces.parentOf(spans.get("tick 1"))).isEqualTo(server.get("span_id").asText());
  }

  @Test
  void aRequestTheClientAbandonsBeforeItsAnswerEndsItsTraceAsCancelled() throws Exception {
    ChatService.Handlers handlers = service.bean(ChatService.Handlers.class);
    try (Socket socket = RawHttp.send(service.port(), "GET /slow HTTP/1.1\r\n")) {
      assertThat(handlers.slowRequestWaiting.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
    }

    JsonNode server = DecodedTraces.spansByName(sentTrace()).get("GET /slow");
    assertThat(server.at("/metadata/http.request.cancelled").asBoolean()).isTrue();
    assertThat(server.at("/metadata/http.response.status_code").isMissingNode()).isTrue();
    assertThat(server.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aCallersTraceHeadersMakeTheRequestItsChildSegment() throws Exception {
    HttpResponse<String> response = client.send(request("/chat/9")
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .header("x-llmops-trace-id", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode trace = sentTrace();
    assertThat(trace.get("trace_id").asText()).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
    assertThat(trace.get("is_child_segment").asBoolean()).isTrue();
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    assertThat(DecodedTraces.parentOf(spans.get("GET /chat/9"))).isEqualTo("00f067aa0ba902b7");
    assertThat(DecodedTraces.parentOf(spans.get("answer")))
        .isEqualTo(spans.get("GET /chat/9").get("span_id").asText());
  }

  @Test
  void codeOnAClientsEventLoopJoinsTheRequestThroughTheReactorContext() throws Exception {
    assertThat(get("/enriched").body()).isEqualTo("rank profile");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(sentTrace());
    assertThat(DecodedTraces.parentOf(spans.get("rank")))
        .isEqualTo(spans.get("GET /enriched").get("span_id").asText());
  }

  @Test
  void withTheSdkDisabledRequestsAreServedAsWithoutTheFilter() throws Exception {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_ENABLED", "false").build());

    assertThat(get("/chat/3").body()).isEqualTo("format 3");
    assertThat(get("/fail").statusCode()).isEqualTo(500);
    assertThat(ChatService.errorSeen.get()).isSameAs(ChatService.NO_MODEL);
    assertThat(Exported.flushed(sink)).isEmpty();
  }

  @Test
  void aSkippedPathIsServedButNotTraced() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.body()).isEqualTo("probe health");
    JsonNode handlersOwnTrace = sentTrace(); // a span outside any trace starts one
    assertThat(DecodedTraces.spansByName(handlersOwnTrace)).containsOnlyKeys("probe");
  }

  @Test
  void concurrentRequestsEachGetATraceHoldingOnlyTheirOwnSpans() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      responses.add(client.sendAsync(request("/chat/" + i).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 50; i++) {
      assertThat(responses.get(i).get().body()).isEqualTo("format " + i);
    }

    List<TraceMessage> messages = sent(50);
    for (JsonNode trace : DecodedTraces.byTraceId(messages).values()) {
      String id = trace.at("/trace_input/path").asText().substring("/chat/".length());
      Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
      assertThat(spans).containsOnlyKeys("GET /chat/" + id, "retrieve", "rank", "answer", "format");
      for (String handlerSpan : List.of("retrieve", "rank", "answer", "format")) {
        assertThat(spans.get(handlerSpan).at("/metadata/request").asText()).isEqualTo(id);
      }
    }
  }

  /**
   * The messages sent once {@code count} have come: a server finishes an exchange (and so its
   * trace) when its last write has gone out, which the client may read a moment before.
   */
  private List<TraceMessage> sent(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> Exported.flushed(sink).size() >= count);
    List<TraceMessage> messages = Exported.flushed(sink);
    assertThat(messages).hasSize(count);
    return messages;
  }

  /** The one trace sent, decoded. */
  private JsonNode sentTrace() {
    return WireDecoder.trace(sent(1).get(0).body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
        .timeout(Duration.ofSeconds(30));
  }
}
