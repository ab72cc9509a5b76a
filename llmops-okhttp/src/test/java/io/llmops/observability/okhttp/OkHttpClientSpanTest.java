package io.llmops.observability.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.Llmops;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.OutboundHttpInstrumentation.Status;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.okhttp.testing.LocalServer;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.OutboundRequest;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls made with {@code execute()} on an instrumented OkHttp client, against a real server. */
@Timeout(60)
class OkHttpClientSpanTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final OkHttpClient client = LlmopsOkHttp.instrument(new OkHttpClient());

  OkHttpClientSpanTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
    OutboundHttpInstrumentation.useConfiguration();
  }

  @Test
  void aCallInATraceIsAClientSpanUnderTheCurrentSpanWithUrlAndHeadersRedacted() throws IOException {
    TraceManager.startTrace("fetch_flow");
    try (Span parent = Llmops.span("fetch").start()) {
      try (Response response = client.newCall(new Request.Builder()
          .url(server.url("/ok?q=cats&token=t0p-s3cret-t0ken"))
          .header("Authorization", "Bearer bearer-secret-value").build()).execute()) {
        assertThat(response.body().string()).isEqualTo("hello");
      }
    }
    TraceManager.finalizeAndSend();

    JsonNode trace = Exported.onlyTrace(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode client = spans.get(server.spanName("GET"));
    assertThat(DecodedTraces.parentOf(client)).isEqualTo(spans.get("fetch").get("span_id").asText());
    JsonNode metadata = client.get("metadata");
    assertThat(metadata.get("outbound_http").asBoolean()).isTrue();
    assertThat(metadata.get("span.kind").asText()).isEqualTo("client");
    assertThat(metadata.get("method").asText()).isEqualTo("GET");
    assertThat(metadata.get("url").asText()).isEqualTo(server.url("/ok?q=cats&token=[REDACTED]"));
    assertThat(metadata.get("server.address").asText()).isEqualTo("127.0.0.1");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.get("latency_ms").asDouble()).isPositive();
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("okhttp");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.at("/http.request.headers/authorization").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/set-cookie").asText()).isEqualTo("[REDACTED]");
    assertThat(metadata.at("/http.response.headers/content-type").asText()).isEqualTo("text/plain");
    assertThat(client.get("status").asText()).isEqualTo("success");
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("t0p-s3cret-t0ken").doesNotContain("bearer-secret-value")
        .doesNotContain("cookie-secret-value");
  }

  @Test
  void aCallOutsideATraceRecordsNothingAndSendsNoTraceHeaders() throws IOException {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_PROPAGATE_HOSTS", "*")
        .build());
    try (Response response = client.newCall(get("/ok")).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    Llmops.flush(Duration.ofSeconds(5));
    assertThat(sink.messages()).isEmpty();
    assertThat(server.traceparents()).containsExactly("none");
  }

  @Test
  void traceHeadersGoOnlyToListedHostsAndNameTheClientSpan() throws IOException {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_PROPAGATE_HOSTS",
        "127.0.0.1").build());
    TraceManager.startTrace("propagation");
    client.newCall(get("/ok")).execute().close();
    TraceManager.finalizeAndSend();
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.startTrace("third_party");
    client.newCall(get("/ok")).execute().close();
    TraceManager.finalizeAndSend();

    JsonNode span = DecodedTraces.spansByName(DecodedTraces.of(Exported.flushed(sink)).stream()
        .filter(t -> t.get("trace_name").asText().equals("propagation")).findFirst().orElseThrow())
        .get(server.spanName("GET"));
    String spanId = span.get("span_id").asText().replace("-", "").substring(0, 16);
    assertThat(server.traceparents()).hasSize(2);
    assertThat(server.traceparents().get(0)).contains(spanId);
    assertThat(server.traceparents().get(1)).isEqualTo("none");
  }

  @Test
  void aServerErrorFailsTheSpanAndTheApplicationStillReadsTheResponse() throws IOException {
    TraceManager.startTrace("errors");
    try (Response response = client.newCall(get("/fail")).execute()) {
      assertThat(response.code()).isEqualTo(500);
      assertThat(response.body().string()).isEqualTo("it broke");
    }
    TraceManager.finalizeAndSend();
    JsonNode span = DecodedTraces.spansByName(Exported.onlyTrace(sink)).get(server.spanName("GET"));
    assertThat(span.at("/metadata/status_code").asInt()).isEqualTo(500);
    assertThat(span.at("/metadata/error").asText()).isEqualTo("HTTP 500");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aRefusedConnectionIsRecordedAndReachesTheApplicationAsOkHttpThrewIt() throws IOException {
    String refused = LocalServer.refusingUrl();
    List<Throwable> thrownBelow = new ArrayList<>();
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    LlmopsOkHttp.instrument(builder);
    builder.addInterceptor(chain -> {   // below the recording interceptor: sees OkHttp's own error
      try {
        return chain.proceed(chain.request());
      } catch (IOException e) {
        thrownBelow.add(e);
        throw e;
      }
    });
    TraceManager.startTrace("refused");
    Throwable thrown = catchThrowable(() -> builder.build().newCall(new Request.Builder()
        .url(refused).build()).execute());
    TraceManager.finalizeAndSend();

    assertThat(thrown).isInstanceOf(ConnectException.class).isSameAs(thrownBelow.get(0));
    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText()).startsWith("java.net.ConnectException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void aReadTimeoutIsRecordedAsTheSocketTimeoutTheApplicationGets() {
    OkHttpClient impatient = client.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();
    TraceManager.startTrace("timeout");
    Throwable thrown = catchThrowable(() -> impatient.newCall(get("/hang")).execute());
    TraceManager.finalizeAndSend();

    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    JsonNode span = Exported.onlyTrace(sink).at("/spans/0");
    assertThat(span.at("/metadata/error").asText())
        .startsWith("java.net.SocketTimeoutException");
    assertThat(span.get("status").asText()).isEqualTo("error");
  }

  @Test
  void anExceptionOfTheApplicationsOwnInterceptorReachesItUnchanged() {
    IllegalStateException own = new IllegalStateException("the application's own");
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    LlmopsOkHttp.instrument(builder);
    builder.addInterceptor(chain -> {
      throw own;
    });
    TraceManager.startTrace("own_error");
    assertThatThrownBy(() -> builder.build().newCall(get("/ok")).execute()).isSameAs(own);
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata/error").asText())
        .isEqualTo("java.lang.IllegalStateException: the application's own");
  }

  @Test
  void instrumentingTwiceOrADerivedBuilderAddsNothingMoreAndACallIsOneSpan() throws IOException {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    LlmopsOkHttp.instrument(builder);
    LlmopsOkHttp.instrument(builder);
    OkHttpClient once = builder.build();
    assertThat(once.interceptors()).hasSize(1);
    assertThat(LlmopsOkHttp.instrument(once)).isSameAs(once);
    OkHttpClient.Builder derived = once.newBuilder();
    LlmopsOkHttp.instrument(derived);
    OkHttpClient twice = LlmopsOkHttp.instrument(derived.build());
    assertThat(twice.interceptors()).hasSize(1);

    TraceManager.startTrace("twice");
    twice.newCall(get("/ok")).execute().close();
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
  }

  @Test
  void theInterceptorAloneRecordsACallAndInstrumentingItsBuilderAddsNoSecond() throws IOException {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .addInterceptor(LlmopsOkHttp.interceptor());
    LlmopsOkHttp.instrument(builder);
    OkHttpClient withTheInterceptor = builder.build();
    assertThat(withTheInterceptor.interceptors()).hasSize(1);

    TraceManager.startTrace("interceptor");
    withTheInterceptor.newCall(get("/ok")).execute().close();
    TraceManager.finalizeAndSend();
    JsonNode spans = Exported.onlyTrace(sink).get("spans");
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).at("/metadata/http.call_mode").asText()).isEqualTo("sync");
  }

  @Test
  void aCallAnOuterLayerRecordsAlreadyIsNotRecordedAgain() throws IOException {
    TraceManager.startTrace("layers");
    OutboundCall outer = OutboundHttp.start(new OuterLayerRequest(server.url("/ok")));
    try (Scope ignored = outer.makeCurrent()) {
      client.newCall(get("/ok")).execute().close();
    }
    outer.end();
    TraceManager.finalizeAndSend();
    JsonNode spans = Exported.onlyTrace(sink).get("spans");
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).at("/metadata/http.client.library").asText()).isEqualTo("spring-web");
  }

  @Test
  void turningOkHttpOffStopsItsSpansAtOnce() throws IOException {
    assertThat(OutboundHttpInstrumentation.status().get(HttpClientLibrary.OKHTTP))
        .isEqualTo(Status.ENABLED);
    assertThat(OutboundHttpInstrumentation.disable(HttpClientLibrary.OKHTTP)
        .get(HttpClientLibrary.OKHTTP)).isEqualTo(Status.AVAILABLE);
    TraceManager.startTrace("off");
    try (Span parent = Llmops.span("work").start()) {
      client.newCall(get("/ok")).execute().close();
    }
    TraceManager.finalizeAndSend();
    assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink))).containsOnlyKeys("work");
  }

  @Test
  void theApplicationsEventListenerStillHearsEveryCall() throws IOException {
    List<String> heard = new ArrayList<>();
    OkHttpClient.Builder builder = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void callStart(Call call) {
        heard.add("start");
      }

      @Override
      public void callEnd(Call call) {
        heard.add("end");
      }
    });
    LlmopsOkHttp.instrument(builder);
    TraceManager.startTrace("listened");
    try (Response response = builder.build().newCall(get("/ok")).execute()) {
      response.body().string();
    }
    TraceManager.finalizeAndSend();
    assertThat(heard).containsExactly("start", "end");
    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(1);
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  /** A call another integration (a Spring interceptor over this client) records. */
  private record OuterLayerRequest(String url) implements OutboundRequest {
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
