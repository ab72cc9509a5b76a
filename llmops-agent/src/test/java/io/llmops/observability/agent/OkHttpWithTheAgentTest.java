package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.agent.testing.OutboundHttpAgentTest;
import io.llmops.observability.okhttp.LlmopsOkHttp;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Callback;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the agent and {@code llmops-okhttp} on the class path, every OkHttp client the application
 * builds records its calls, with no code change, and never twice.
 */
@Timeout(60)
class OkHttpWithTheAgentTest extends OutboundHttpAgentTest {

  private Request get(String pathAndQuery) {
    return new Request.Builder().url(server.url(pathAndQuery)).build();
  }

  private static int execute(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }

  @Test
  void aClientBuiltWithoutAnyCodeChangeRecordsItsCallsUnderTheCurrentSpan() throws Exception {
    OkHttpClient client = new OkHttpClient();

    int status = inTrace(() -> execute(client, get("/ok?token=query-secret-value")));

    assertThat(status).isEqualTo(200);
    JsonNode trace = Exported.onlyTrace(sink);
    List<JsonNode> spans = clientSpans(trace);
    assertThat(spans).hasSize(1);
    JsonNode metadata = spans.get(0).get("metadata");
    assertThat(metadata.get("http.client.library").asText()).isEqualTo("okhttp");
    assertThat(metadata.get("http.call_mode").asText()).isEqualTo("sync");
    assertThat(metadata.get("url").asText()).endsWith("/ok?token=[REDACTED]");
    assertThat(DecodedTraces.parentOf(spans.get(0))).isEqualTo(fetchSpanId(trace));
  }

  @Test
  void anEnqueuedCallOfAWovenClientIsAsyncUnderTheSpanCurrentAtEnqueue() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().build();

    int status = inTrace(() -> {
      CompletableFuture<Integer> code = new CompletableFuture<>();
      client.newCall(get("/ok")).enqueue(new Callback() {
        @Override
        public void onFailure(okhttp3.Call call, IOException e) {
          code.completeExceptionally(e);
        }

        @Override
        public void onResponse(okhttp3.Call call, Response response) {
          try (response) {
            code.complete(response.code());
          }
        }
      });
      return code.get(10, TimeUnit.SECONDS);
    });

    assertThat(status).isEqualTo(200);
    JsonNode trace = Exported.onlyTrace(sink);
    List<JsonNode> spans = clientSpans(trace);
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).at("/metadata/http.call_mode").asText()).isEqualTo("async");
    assertThat(DecodedTraces.parentOf(spans.get(0))).isEqualTo(fetchSpanId(trace));
  }

  @Test
  void buildingAgainOrInstrumentingExplicitlyAddsNoSecondInterceptor() throws Exception {
    OkHttpClient woven = new OkHttpClient();
    OkHttpClient derived = woven.newBuilder().build();
    OkHttpClient explicit = LlmopsOkHttp.instrument(new OkHttpClient.Builder().build());

    for (OkHttpClient client : List.of(woven, derived, explicit)) {
      assertThat(client.interceptors().stream().map(Interceptor::getClass).distinct())
          .hasSameSizeAs(client.interceptors());
      assertThat(client.interceptors()).hasSize(1);
    }
    inTrace(() -> execute(derived, get("/ok")) + execute(explicit, get("/ok")));
    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("spans")).filteredOn(span -> span.at("/metadata/outbound_http").asBoolean())
        .hasSize(2);
  }
}
