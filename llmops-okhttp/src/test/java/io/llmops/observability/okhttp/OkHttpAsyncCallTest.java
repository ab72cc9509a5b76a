package io.llmops.observability.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.okhttp.testing.LocalServer;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls made with {@code enqueue()}: OkHttp runs them on its dispatcher's threads. */
@Timeout(60)
class OkHttpAsyncCallTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();

  OkHttpAsyncCallTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anEnqueuedCallNestsUnderTheSpanCurrentWhenItWasEnqueued() throws Exception {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    LlmopsOkHttp.instrument(builder);
    enqueuedUnderASpanIsAnAsyncClientSpanUnderIt(builder.build());
  }

  @Test
  void aBuilderHoldingTheInterceptorGetsTheOriginCaptureWhenInstrumented() throws Exception {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .addInterceptor(LlmopsOkHttp.interceptor());
    LlmopsOkHttp.instrument(builder);
    enqueuedUnderASpanIsAnAsyncClientSpanUnderIt(builder.build());
  }

  @Test
  void anEnqueuedCallThatFailsEndsItsSpanWithTheErrorAndTheCallbackGetsIt() throws Exception {
    OkHttpClient client = LlmopsOkHttp.instrument(new OkHttpClient());
    TraceManager.startTrace("async_refused");
    CompletableFuture<String> answered = enqueue(client, LocalServer.refusingUrl());
    Throwable failure = answered.handle((body, error) -> error).get(10, TimeUnit.SECONDS);
    TraceManager.finalizeAndSend();

    assertThat(failure).isInstanceOf(java.net.ConnectException.class);
    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/http.call_mode").asText()).isEqualTo("async");
    assertThat(span.at("/metadata/error").asText()).startsWith("java.net.ConnectException");
  }

  @Test
  void aCallMadeOutsideATraceRecordsNothingEvenWhenItRunsLater() throws Exception {
    OkHttpClient client = LlmopsOkHttp.instrument(new OkHttpClient());
    assertThat(enqueue(client, server.url("/ok")).get(10, TimeUnit.SECONDS)).isEqualTo("hello");
    TraceManager.startTrace("after");
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).get("spans")).isEmpty();
  }

  private void enqueuedUnderASpanIsAnAsyncClientSpanUnderIt(OkHttpClient client)
      throws Exception {
    TraceManager.startTrace("async_flow");
    CompletableFuture<String> answered;
    try (Span parent = Llmops.span("enqueue_here").start()) {
      answered = enqueue(client, server.url("/ok"));
    }
    assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
    TraceManager.finalizeAndSend();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    JsonNode call = spans.get(server.spanName("GET"));
    assertThat(DecodedTraces.parentOf(call))
        .isEqualTo(spans.get("enqueue_here").get("span_id").asText());
    assertThat(call.at("/metadata/http.call_mode").asText()).isEqualTo("async");
    assertThat(call.at("/metadata/status_code").asInt()).isEqualTo(200);
  }

  /** The body the callback reads, or the failure it gets. */
  private static CompletableFuture<String> enqueue(OkHttpClient client, String url) {
    CompletableFuture<String> answered = new CompletableFuture<>();
    client.newCall(new Request.Builder().url(url).build()).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) throws IOException {
        try (response) {
          answered.complete(response.body().string());
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        answered.completeExceptionally(e);
      }
    });
    return answered;
  }
}
