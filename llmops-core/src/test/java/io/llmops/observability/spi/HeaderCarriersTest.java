package io.llmops.observability.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.Llmops;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which argument of a handler carries the request's trace headers, and what is read from it. */
@Timeout(60)
class HeaderCarriersTest {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String SDK_TRACE_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";
  private static final RemoteParent CALLER =
      new RemoteParent(SDK_TRACE_ID, "00f067aa0ba902b7", true, true);
  private static final Map<String, List<String>> HEADERS = Map.of(
      "Traceparent", List.of(TRACEPARENT), "X-Llmops-Trace-Id", List.of(SDK_TRACE_ID),
      "Accept", List.of("*/*"));

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  /** A servlet request's shape: one header at a time. */
  public static final class ServletLike {
    private final Map<String, String> headers;

    public ServletLike(Map<String, String> headers) {
      this.headers = headers;
    }

    public String getHeader(String name) {
      return headers.get(name);
    }
  }

  /** The JDK HttpExchange's shape: a map of every header. */
  public static final class ExchangeLike {
    public Map<String, List<String>> getRequestHeaders() {
      return HEADERS;
    }
  }

  /** Spring's request types' shape. */
  public static final class RequestLike {
    public Map<String, List<String>> getHeaders() {
      return HEADERS;
    }
  }

  public static final class FailingCarrier {
    public String getHeader(String name) {
      throw new IllegalStateException("request already recycled: " + SDK_TRACE_ID);
    }
  }

  /** A getHeaders that does not return a map: not a carrier. */
  public static final class NotACarrier {
    public List<String> getHeaders() {
      throw new AssertionError("a getter that does not return a map is never called");
    }
  }

  @Test
  void aMapOfHeadersIsReadWithNamesMatchedWithoutRegardToCase() {
    assertThat(HeaderCarriers.read(HEADERS)).isEqualTo(CALLER);
  }

  @Test
  void anObjectWithGetHeaderIsAskedForTheTwoHeaders() {
    ServletLike request = new ServletLike(
        Map.of("traceparent", TRACEPARENT, "x-llmops-trace-id", SDK_TRACE_ID));

    assertThat(HeaderCarriers.read("user-1", request)).isEqualTo(CALLER);
  }

  @Test
  void anObjectWithGetRequestHeadersOrGetHeadersGivesItsMap() {
    assertThat(HeaderCarriers.read(new ExchangeLike())).isEqualTo(CALLER);
    assertThat(HeaderCarriers.read(new RequestLike())).isEqualTo(CALLER);
  }

  @Test
  void theJdksHttpExchangeIsReadThroughItsPublicTypeThoughItsClassIsNotExported() throws Exception {
    AtomicReference<Object> read = new AtomicReference<>("not called");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      read.set(HeaderCarriers.read(exchange));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/profile"))
          .header("traceparent", TRACEPARENT).header("x-llmops-trace-id", SDK_TRACE_ID).build(),
          BodyHandlers.discarding());
    } finally {
      server.stop(0);
    }

    assertThat(read.get()).isEqualTo(CALLER);
  }

  @Test
  void argumentsThatCarryNoTraceHeadersAreSkippedForTheFirstThatDoes() {
    ServletLike withoutHeaders = new ServletLike(Map.of("accept", "*/*"));

    RemoteParent parent = HeaderCarriers.read(null, 42, "text", Map.of("user", "alice"),
        new NotACarrier(), withoutHeaders, new ExchangeLike());

    assertThat(parent).isEqualTo(CALLER);
  }

  @Test
  void theFirstCarrierDecidesEvenWhenItsHeadersAreNotValid() {
    RemoteParent parent = HeaderCarriers.read(
        Map.of("traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
        new ExchangeLike());

    assertThat(parent).isNull();
    assertThat(Llmops.stats().get("propagation.headers_ignored")).isEqualTo(1);
  }

  @Test
  void aCarrierWhoseGetterThrowsNamesNoParentAndIsLoggedWithoutItsMessage() {
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(HeaderCarriers.read(new FailingCarrier())).isNull();

      assertThat(Llmops.stats().get("propagation.headers_ignored")).isEqualTo(1);
      assertThat(log.text()).contains(FailingCarrier.class.getName())
          .contains("getHeader threw java.lang.IllegalStateException")
          .doesNotContain(SDK_TRACE_ID);
    }
  }

  @Test
  void aFailingCarrierDoesNotHideALaterOne() {
    assertThat(HeaderCarriers.read(new FailingCarrier(), new RequestLike())).isEqualTo(CALLER);
  }

  @Test
  void noArgumentsOrNoneThatCarryHeadersNameNoParent() throws IOException {
    assertThat(HeaderCarriers.read()).isNull();
    assertThat(HeaderCarriers.read((Object[]) null)).isNull();
    assertThat(HeaderCarriers.read("traceparent", List.of(TRACEPARENT))).isNull();
    assertThat(Llmops.stats().get("propagation.headers_ignored")).isZero();
  }
}
