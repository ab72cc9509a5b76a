package io.llmops.observability.httpserver;

import static io.llmops.observability.httpserver.testing.JdkServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.httpserver.testing.Get;
import io.llmops.observability.httpserver.testing.JdkServer;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDK HttpServer filter, on a real server on 127.0.0.1 called by the JDK's HttpClient. */
@Timeout(60)
class LlmopsHttpFilterTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final JdkServer server;

  LlmopsHttpFilterTest() throws IOException {
    server = new JdkServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return Get.send(server.uri(path), headers);
  }

  @Test
  void aRequestIsOneTraceWhoseServerSpanHoldsTheHandlersSpans() throws Exception {
    server.route("/chat", exchange -> {
      Llmops.span("answer").run(() -> { });
      respond(exchange, 200, "hello");
    }, new LlmopsHttpFilter());

    HttpResponse<String> response = get("/chat/rooms?x=1", "User-Agent", "probe/1.0");

    assertThat(response.body()).isEqualTo("hello");
    JsonNode trace = ServerTraces.awaitOne(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode server = spans.get("GET /chat/rooms");
    assertThat(DecodedTraces.parentOf(spans.get("answer"))).isEqualTo(server.get("span_id").asText());
    assertThat(server.at("/metadata/http.route").asText()).isEqualTo("/chat");
    assertThat(server.at("/metadata/url.path").asText()).isEqualTo("/chat/rooms");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    assertThat(server.at("/metadata/client.address").asText()).isEqualTo("127.0.0.1");
    assertThat(server.at("/metadata/user_agent.original").asText()).isEqualTo("probe/1.0");
    assertThat(server.get("status").asText()).isEqualTo("success");
  }

  @Test
  void aServerErrorMarksTheServerSpanFailed() throws Exception {
    server.route("/broken", exchange -> respond(exchange, 500, "sorry"), new LlmopsHttpFilter());

    assertThat(get("/broken").statusCode()).isEqualTo(500);

    JsonNode span = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.at("/metadata/http.response.status_code").asInt()).isEqualTo(500);
  }

  @Test
  void theHandlersExceptionIsRecordedAndReachesTheServerUnchanged() throws Exception {
    IllegalStateException thrown = new IllegalStateException("no model");
    AtomicReference<Throwable> seenOutside = new AtomicReference<>();
    Filter outside = Filter.beforeHandler("outside", exchange -> { });
    Filter catching = new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        try {
          chain.doFilter(exchange);
        } catch (RuntimeException e) {
          seenOutside.set(e);
          respond(exchange, 500, "");
        }
      }

      @Override
      public String description() {
        return "catching";
      }
    };
    server.route("/throws", exchange -> {
      throw thrown;
    }, outside, catching, new LlmopsHttpFilter());

    assertThat(get("/throws").statusCode()).isEqualTo(500);

    assertThat(seenOutside.get()).isSameAs(thrown);
    JsonNode span = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.IllegalStateException: no model");
  }

  @Test
  void aResponseClosedInsideAHandlersSpanEndsTheServerSpanOnlyAfterTheHandler() throws Exception {
    server.route("/inside", exchange -> Llmops.span("handle").run(() -> {
      try (exchange) {
        respond(exchange, 200, "done");
        Llmops.span("after-the-response").run(() -> { });
      }
    }), new LlmopsHttpFilter());

    get("/inside");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(ServerTraces.awaitOne(sink));
    assertThat(spans).containsOnlyKeys("GET /inside", "handle", "after-the-response");
    JsonNode server = spans.get("GET /inside");
    assertThat(DecodedTraces.parentOf(spans.get("handle"))).isEqualTo(server.get("span_id").asText());
    assertThat(server.get("end_time").asDouble())
        .isGreaterThanOrEqualTo(spans.get("handle").get("end_time").asDouble());
  }

  @Test
  void aResponseStreamedFromAnotherThreadEndsTheTraceWhenItsBodyCloses() throws Exception {
    CountDownLatch handlerReturned = new CountDownLatch(1);
    server.route("/stream", exchange -> {
      LlmopsContext request = LlmopsContext.current();
      exchange.sendResponseHeaders(200, 0);
      CompletableFuture.runAsync(request.wrap(() -> {
        try (OutputStream body = exchange.getResponseBody()) {
          handlerReturned.await(10, TimeUnit.SECONDS);
          for (String chunk : new String[] {"a", "b"}) {
            Llmops.span("chunk " + chunk).run(() -> { });
            body.write(chunk.getBytes(StandardCharsets.UTF_8));
            body.flush();
          }
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
    }, new LlmopsHttpFilter(), Filter.afterHandler("returned", exchange -> handlerReturned.countDown()));

    assertThat(get("/stream").body()).isEqualTo("ab");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(ServerTraces.awaitOne(sink));
    assertThat(spans).containsOnlyKeys("GET /stream", "chunk a", "chunk b");
  }

  @Test
  void aResponseWithoutABodyEndsTheTraceWithoutBeingClosed() throws Exception {
    server.route("/empty", exchange -> exchange.sendResponseHeaders(204, -1),
        new LlmopsHttpFilter());

    assertThat(get("/empty").statusCode()).isEqualTo(204);

    JsonNode span = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(span.at("/metadata/http.response.status_code").asInt()).isEqualTo(204);
  }

  @Test
  void skippedPathsAreServedUntraced() throws Exception {
    server.route("/", exchange -> respond(exchange, 200, "ok"), new LlmopsHttpFilter());

    assertThat(get("/health").body()).isEqualTo("ok");
    assertThat(get("/static/app.css").body()).isEqualTo("ok");
    get("/traced");

    JsonNode trace = ServerTraces.awaitOne(sink);
    assertThat(trace.at("/trace_input/path").asText()).isEqualTo("/traced");
  }

  @Test
  void secretHeadersNeverLeaveTheProcess() throws Exception {
    server.route("/me", exchange -> respond(exchange, 200, "me"), new LlmopsHttpFilter());

    get("/me", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl",
        "Cookie", "session=4f1c0ffee", "X-Api-Key", "sk-live-abcdefghijklmnop1234");

    ServerTraces.awaitOne(sink);
    String exported = Exported.everything(sink.messages().get(0));
    assertThat(exported).doesNotContain("eyJhbGciOiJIUzI1NiJ9").doesNotContain("4f1c0ffee")
        .doesNotContain("sk-live-abcdefghijklmnop1234").contains("[REDACTED]");
  }

  @Test
  void aCallersHeadersMakeTheRequestTheCallersChildSegment() throws Exception {
    server.route("/profile", exchange -> respond(exchange, 200, "{}"), new LlmopsHttpFilter());
    Map<String, String> headers;
    String callerTrace;
    String callerSpan;
    TraceManager.newTrace("caller").start();
    try (Span call = Llmops.span("call").start()) {
      headers = TraceHeaders.current();
      callerTrace = TraceManager.currentTraceId();
      callerSpan = call.spanId();
    }

    get("/profile", "traceparent", headers.get("traceparent"),
        "x-llmops-trace-id", headers.get("x-llmops-trace-id"));

    JsonNode child = ServerTraces.awaitOne(sink);
    assertThat(child.get("trace_id").asText()).isEqualTo(callerTrace);
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    assertThat(DecodedTraces.parentOf(child.at("/spans/0")))
        .isEqualTo(callerSpan.replace("-", "").substring(0, 16));
  }
}
