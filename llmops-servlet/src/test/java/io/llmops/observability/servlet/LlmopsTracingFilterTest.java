package io.llmops.observability.servlet;

import static io.llmops.observability.servlet.testing.Handler.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.httpserver.testing.Get;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.servlet.testing.ServletService;
import io.llmops.observability.servlet.testing.ServletService.Container;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The servlet filter in embedded Jetty 12 and Tomcat 11, called by the JDK's HttpClient. */
@Timeout(60)
class LlmopsTracingFilterTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private ServletService service;

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private ServletService on(Container container) {
    service = container.create();
    return service;
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return Get.send(service.uri(path), headers);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void aRequestIsOneTraceWhoseServerSpanHoldsTheHandlersSpans(Container container) throws Exception {
    on(container).serve("/chat/*", (request, response) -> {
      Llmops.span("answer").run(() -> { });
      respond(response, 200, "hello");
    }).start();

    assertThat(get("/chat/rooms?x=1", "User-Agent", "probe/1.0").body()).isEqualTo("hello");

    JsonNode trace = ServerTraces.awaitOne(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode server = spans.get("GET /chat/rooms");
    assertThat(DecodedTraces.parentOf(spans.get("answer"))).isEqualTo(server.get("span_id").asText());
    assertThat(server.at("/metadata/http.route").asText()).isEqualTo("/chat/*");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(200);
    assertThat(server.at("/metadata/client.address").asText()).isEqualTo("127.0.0.1");
    assertThat(server.at("/metadata/user_agent.original").asText()).isEqualTo("probe/1.0");
    assertThat(server.get("status").asText()).isEqualTo("success");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void springMvcsMatchedPatternIsTheRoute(Container container) throws Exception {
    on(container).serve("/", (request, response) -> {
      request.setAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern",
          "/users/{id}");
      respond(response, 200, "user");
    }).start();

    get("/users/42");

    JsonNode server = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(server.at("/metadata/http.route").asText()).isEqualTo("/users/{id}");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void aServerErrorMarksTheServerSpanFailed(Container container) throws Exception {
    on(container).serve("/broken", (request, response) -> respond(response, 503, "busy")).start();

    assertThat(get("/broken").statusCode()).isEqualTo(503);

    JsonNode server = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(server.get("status").asText()).isEqualTo("error");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(503);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void theHandlersExceptionIsRecordedAndReachesTheContainerUnchanged(Container container)
      throws Exception {
    IllegalStateException thrown = new IllegalStateException("no model");
    AtomicReference<Throwable> seenOutside = new AtomicReference<>();
    Filter catching = (request, response, chain) -> {
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException e) {
        seenOutside.set(e);
        throw e;
      }
    };
    on(container).before(catching).serve("/throws", (request, response) -> {
      throw thrown;
    }).start();

    assertThat(get("/throws").statusCode()).isEqualTo(500);

    assertThat(seenOutside.get()).isSameAs(thrown);
    JsonNode server = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(server.get("error").asText()).isEqualTo("java.lang.IllegalStateException: no model");
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(500);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void anAsyncRequestEndsWhenItCompletesOnAnotherThreadWithItsWorkNested(Container container)
      throws Exception {
    on(container).serve("/async", (request, response) -> {
      AsyncContext async = request.startAsync();
      async.start(() -> {
        Llmops.span("async work").run(() -> { });
        try {
          respond((HttpServletResponse) async.getResponse(), 202, "later");
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        async.complete();
      });
    }).start();

    assertThat(get("/async").body()).isEqualTo("later");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(ServerTraces.awaitOne(sink));
    JsonNode server = spans.get("GET /async");
    assertThat(DecodedTraces.parentOf(spans.get("async work")))
        .isEqualTo(server.get("span_id").asText());
    assertThat(server.at("/metadata/http.response.status_code").asInt()).isEqualTo(202);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void anAsyncDispatchsWorkNestsUnderTheRequest(Container container) throws Exception {
    on(container).serve("/dispatch", (request, response) -> {
      if (request.getAttribute("dispatched") == null) {
        request.setAttribute("dispatched", true);
        AsyncContext async = request.startAsync();
        CompletableFuture.runAsync(async::dispatch); // a thread that knows no trace
        return;
      }
      Llmops.span("dispatched work").run(() -> { });
      respond(response, 200, "dispatched");
    }).start();

    assertThat(get("/dispatch").body()).isEqualTo("dispatched");

    Map<String, JsonNode> spans = DecodedTraces.spansByName(ServerTraces.awaitOne(sink));
    assertThat(DecodedTraces.parentOf(spans.get("dispatched work")))
        .isEqualTo(spans.get("GET /dispatch").get("span_id").asText());
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void anAsyncRequestThatTimesOutEndsFailed(Container container) throws Exception {
    on(container).serve("/forgotten", (request, response) -> {
      request.startAsync().setTimeout(100); // nothing ever completes it
    }).start();

    get("/forgotten");

    JsonNode server = ServerTraces.awaitOne(sink).at("/spans/0");
    assertThat(server.get("status").asText()).isEqualTo("error");
    assertThat(server.get("error").asText()).startsWith("java.util.concurrent.TimeoutException");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void skippedPathsAreServedUntraced(Container container) throws Exception {
    on(container).serve("/", (request, response) -> respond(response, 200, "ok")).start();

    assertThat(get("/health").body()).isEqualTo("ok");
    assertThat(get("/static/app.js").body()).isEqualTo("ok");
    get("/traced");

    assertThat(ServerTraces.awaitOne(sink).at("/trace_input/path").asText()).isEqualTo("/traced");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void secretHeadersNeverLeaveTheProcess(Container container) throws Exception {
    on(container).serve("/me", (request, response) -> respond(response, 200, "me")).start();

    get("/me", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl",
        "Cookie", "session=4f1c0ffee", "X-Api-Key", "sk-live-abcdefghijklmnop1234");

    ServerTraces.awaitOne(sink);
    assertThat(Exported.everything(sink.messages().get(0))).doesNotContain("eyJhbGciOiJIUzI1NiJ9")
        .doesNotContain("4f1c0ffee").doesNotContain("sk-live-abcdefghijklmnop1234")
        .contains("[REDACTED]");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void aRequestTheSdkCannotReadIsServedUntracedAndCounted(Container container) throws Exception {
    Filter unreadableHeaders = (request, response, chain) -> chain.doFilter(
        new HttpServletRequestWrapper((HttpServletRequest) request) {
          @Override
          public Enumeration<String> getHeaderNames() {
            throw new IllegalStateException("the container lost the headers");
          }
        }, response);
    on(container).before(unreadableHeaders)
        .serve("/chat", (request, response) -> respond(response, 200, "served")).start();

    assertThat(get("/chat").body()).isEqualTo("served");

    assertThat(Llmops.stats().get("http.server.trace_failed")).isEqualTo(1);
    assertThat(Exported.flushed(sink)).isEmpty();
  }
}
