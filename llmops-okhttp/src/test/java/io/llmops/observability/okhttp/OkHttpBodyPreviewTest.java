package io.llmops.observability.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.okhttp.testing.LocalServer;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Body previews ({@code LLMOPS_HTTP_BODY_PREVIEW=true}) never change what the application reads. */
@Timeout(60)
class OkHttpBodyPreviewTest {

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final OkHttpClient client = LlmopsOkHttp.instrument(new OkHttpClient());

  OkHttpBodyPreviewTest() throws IOException {}

  @BeforeEach
  void previewBodies() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_HTTP_BODY_PREVIEW", "true")
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bothBodiesArePreviewedRedactedAndBothReachTheirReadersWhole() throws IOException {
    String sent = "{\"user\":\"ann\",\"password\":\"p4ssw0rd-value\"}";
    TraceManager.startTrace("previews");
    try (Response response = client.newCall(new Request.Builder().url(server.url("/json"))
        .post(RequestBody.create(sent, JSON_TYPE)).build()).execute()) {
      assertThat(response.body().string()).isEqualTo(LocalServer.JSON);
    }
    TraceManager.finalizeAndSend();

    assertThat(server.bodies()).containsExactly(sent);
    JsonNode metadata = Exported.onlyTrace(sink).at("/spans/0/metadata");
    assertThat(metadata.get("http.request.body_preview").asText())
        .isEqualTo("{\"user\":\"ann\",\"password\":\"[REDACTED]\"}");
    assertThat(metadata.get("http.response.body_preview").asText())
        .startsWith("{\"user\":\"ann\",\"api_key\":\"[REDACTED]\"");
    assertThat(Exported.everything(Exported.flushed(sink).get(0)))
        .doesNotContain("p4ssw0rd-value").doesNotContain("sk-live-0123456789abcdef");
  }

  @Test
  void aChunkedResponseIsReadWholeByTheApplicationAndNeverPreviewed() throws IOException {
    TraceManager.startTrace("streamed");
    try (Response response = client.newCall(get("/stream")).execute();
        InputStream body = response.body().byteStream()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(String.join("", LocalServer.STREAM_CHUNKS));
    }
    TraceManager.finalizeAndSend();
    JsonNode metadata = Exported.onlyTrace(sink).at("/spans/0/metadata");
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
    assertThat(metadata.has("http.response.body_preview")).isFalse();
  }

  @Test
  void anEventStreamIsNeverPreviewedEvenWithAKnownLength() throws IOException {
    TraceManager.startTrace("events");
    try (Response response = client.newCall(get("/events")).execute()) {
      assertThat(response.body().string()).isEqualTo("data: tick\n\n");
    }
    TraceManager.finalizeAndSend();
    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata").has("http.response.body_preview"))
        .isFalse();
  }

  @Test
  void aOneShotRequestBodyIsWrittenOnceAndNotPreviewed() throws IOException {
    AtomicInteger writes = new AtomicInteger();
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON_TYPE;
      }

      @Override
      public long contentLength() {
        return 2;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        writes.incrementAndGet();
        sink.writeUtf8("{}");
      }
    };
    TraceManager.startTrace("one_shot");
    client.newCall(new Request.Builder().url(server.url("/ok")).post(oneShot).build())
        .execute().close();
    TraceManager.finalizeAndSend();

    assertThat(writes).hasValue(1);
    assertThat(server.bodies()).containsExactly("{}");
    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata").has("http.request.body_preview"))
        .isFalse();
  }

  @Test
  void nothingIsPreviewedUnlessAsked() throws IOException {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.startTrace("quiet");
    try (Response response = client.newCall(new Request.Builder().url(server.url("/json"))
        .post(RequestBody.create("{\"a\":1}", JSON_TYPE)).build()).execute()) {
      response.body().string();
    }
    TraceManager.finalizeAndSend();
    JsonNode metadata = DecodedTraces.of(Exported.flushed(sink)).get(0).at("/spans/0/metadata");
    assertThat(metadata.has("http.request.body_preview")).isFalse();
    assertThat(metadata.has("http.response.body_preview")).isFalse();
    assertThat(metadata.get("status_code").asInt()).isEqualTo(200);
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }
}
