package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sendAsync}: nesting under the caller's span, the span's end, the future's behaviour. */
@Timeout(60)
class SendAsyncTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final HttpClient client = LlmopsHttpClient.wrap(HttpClient.newHttpClient());

  SendAsyncTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAsyncCallNestsUnderTheSpanCurrentWhenItWasMadeAndEndsWithItsResponse() {
    TraceManager.startTrace("async_flow");
    Span caller = Llmops.span("caller").startDetached();
    CompletableFuture<HttpResponse<String>> future;
    try (Scope ignored = caller.makeCurrent()) {
      future = client.sendAsync(HttpRequest.newBuilder(server.uri("/hello")).build(),
          BodyHandlers.ofString());
    }
    caller.end();
    assertThat(future.join().body()).isEqualTo("hello");
    TraceManager.finalizeAndSend();

    // The client span ends in a stage of the response future that may run just after join()
    // returns; the trace goes out once it has.
    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTraceOnceSent(sink));
    JsonNode span = spans.get("GET 127.0.0.1:" + server.port());
    assertThat(DecodedTraces.parentOf(span)).isEqualTo(caller.spanId());
    assertThat(span.at("/metadata/http.call_mode").asText()).isEqualTo("async");
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(200);
    assertThat(span.at("/metadata/latency_ms").isNumber()).isTrue();
  }

  @Test
  void aTraceFinalizedByTheApplicationsCallbackStillHoldsTheFinishedClientSpan() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    HttpClient real = HttpClient.newHttpClient();
    HttpClient wrapped = LlmopsHttpClient.wrap(new ForwardingClient(real) {
      @Override
      public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
          HttpResponse.BodyHandler<T> handler) {
        return heldUntil(release, real.sendAsync(request, handler));
      }
    });
    TraceManager.startTrace("held");
    CompletableFuture<Void> callback = wrapped.sendAsync(
        HttpRequest.newBuilder(server.uri("/hello")).build(), BodyHandlers.ofString())
        .thenRun(TraceManager::finalizeAndSend); // a plain future runs this before our end
    release.complete(null);
    callback.join();

    JsonNode span = Exported.onlyTraceOnceSent(sink).at("/spans/0");
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(200);
    assertThat(span.at("/metadata/latency_ms").isNumber()).isTrue();
  }

  @Test
  void aRefusedAsyncCallHandsBackTheDelegatesOwnFutureAndIsRecorded() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + SendTest.freePort() + "/");
    ForwardingClient real = new ForwardingClient(HttpClient.newHttpClient());
    HttpClient wrapped = LlmopsHttpClient.wrap(real);
    TraceManager.startTrace("refused_async");
    CompletableFuture<HttpResponse<String>> future =
        wrapped.sendAsync(HttpRequest.newBuilder(closed).build(), BodyHandlers.ofString());
    assertThat(future).isSameAs(real.returned);
    Throwable joined = catchThrowable(future::join);
    Throwable got = catchThrowable(future::get);
    Throwable handed = future.handle((response, error) -> error).join();
    TraceManager.finalizeAndSend();

    CompletableFuture<?> delegates = real.returned;
    assertThat(joined).isInstanceOf(CompletionException.class)
        .isSameAs(catchThrowable(delegates::join));
    assertThat(joined.getCause()).isInstanceOf(ConnectException.class);
    assertThat(got).isInstanceOf(ExecutionException.class);
    assertThat(got.getCause()).isSameAs(catchThrowable(delegates::get).getCause());
    assertThat(handed).isSameAs(delegates.handle((response, error) -> error).join());
    assertThat(Exported.onlyTraceOnceSent(sink).at("/spans/0/metadata/error").asText())
        .startsWith("java.net.ConnectException");
  }

  @Test
  void cancellingTheFutureCancelsTheDelegatesAndEndsTheSpan() {
    ForwardingClient real = new ForwardingClient(HttpClient.newHttpClient());
    HttpClient wrapped = LlmopsHttpClient.wrap(real);
    TraceManager.startTrace("cancelled");
    CompletableFuture<HttpResponse<String>> future =
        wrapped.sendAsync(HttpRequest.newBuilder(server.uri("/slow")).build(),
            BodyHandlers.ofString());
    assertThat(future.cancel(true)).isTrue();
    TraceManager.finalizeAndSend();

    // the JDK client's future reports the cancellation once its exchange took it
    await().atMost(Duration.ofSeconds(10)).until(future::isCancelled);
    assertThat(catchThrowable(future::join)).isInstanceOf(CancellationException.class);
    assertThat(real.returned.isCancelled()).isTrue();
    JsonNode span = Exported.onlyTraceOnceSent(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText())
        .startsWith("java.util.concurrent.CancellationException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void cancellingADerivedFutureCancelsTheExchangeAsTheJdksDerivedFuturesDo() {
    ForwardingClient real = new ForwardingClient(HttpClient.newHttpClient());
    HttpClient wrapped = LlmopsHttpClient.wrap(real);
    TraceManager.startTrace("derived_cancelled");
    CompletableFuture<String> body = wrapped.sendAsync(
        HttpRequest.newBuilder(server.uri("/slow")).build(), BodyHandlers.ofString())
        .thenApply(HttpResponse::body);
    body.cancel(true);
    Throwable aborted = catchThrowable(() -> real.returned.get(10, TimeUnit.SECONDS));
    TraceManager.finalizeAndSend();

    assertThat(aborted).isInstanceOf(ExecutionException.class);
    assertThat(Exported.onlyTraceOnceSent(sink).at("/spans/0/status").asText()).isEqualTo("error");
  }

  @Test
  void thePushPromiseOverloadIsRecordedToo() {
    TraceManager.startTrace("push");
    HttpResponse<String> response = client.sendAsync(
        HttpRequest.newBuilder(server.uri("/fail")).build(), BodyHandlers.ofString(), null).join();
    TraceManager.finalizeAndSend();

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Exported.onlyTraceOnceSent(sink).at("/spans/0/metadata/error").asText())
        .isEqualTo("HTTP 500");
  }
}
