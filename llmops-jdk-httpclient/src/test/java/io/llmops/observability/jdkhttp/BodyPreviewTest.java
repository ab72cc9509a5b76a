package io.llmops.observability.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Response body previews ({@code LLMOPS_HTTP_BODY_PREVIEW=true}): copied on the way from a body
 * the client buffers, redacted; never from a stream the application reads, never an event stream;
 * what the application receives is the same either way.
 */
@Timeout(60)
class BodyPreviewTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final LocalServer server = new LocalServer();
  private final HttpClient client = LlmopsHttpClient.wrap(HttpClient.newHttpClient());

  BodyPreviewTest() throws IOException {}

  @BeforeEach
  void previewBodies() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).set("LLMOPS_HTTP_BODY_PREVIEW", "true")
        .set("LLMOPS_HTTP_BODY_PREVIEW_CHARS", "40").build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBufferedTextBodyIsPreviewedRedactedAndCutWhileTheApplicationGetsItWhole() throws Exception {
    TraceManager.startTrace("preview");
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/json"))
        .build(), BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(response.body()).isEqualTo(LocalServer.JSON);
    JsonNode metadata = Exported.onlyTrace(sink).at("/spans/0/metadata");
    assertThat(metadata.get("http.response.body_preview").asText())
        .isEqualTo("{\"user\":\"ann\",\"password\":\"[REDACTED]\",\"t");
    assertThat(metadata.get("http.response.body_preview_truncated").asBoolean()).isTrue();
    assertThat(Exported.everything(Exported.flushed(sink).get(0))).doesNotContain("p4ssw0rd!");
  }

  @Test
  void anAsyncBufferedBodyIsPreviewedToo() {
    TraceManager.startTrace("async_preview");
    HttpResponse<byte[]> response = client.sendAsync(HttpRequest.newBuilder(server.uri("/hello"))
        .build(), BodyHandlers.ofByteArray()).join();
    TraceManager.finalizeAndSend();

    assertThat(response.body()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(Exported.onlyTraceOnceSent(sink).at("/spans/0/metadata/http.response.body_preview")
        .asText()).isEqualTo("hello");
  }

  @Test
  void aStreamTheApplicationReadsArrivesIntactAndIsNotPreviewed() throws Exception {
    TraceManager.startTrace("input_stream");
    HttpResponse<InputStream> response = client.send(
        HttpRequest.newBuilder(server.uri("/stream")).build(), BodyHandlers.ofInputStream());
    String read;
    try (InputStream body = response.body()) {
      read = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
    TraceManager.finalizeAndSend();

    assertThat(read).isEqualTo(LocalServer.STREAM);
    assertThat(recordedResponsePreview()).isFalse();
  }

  @Test
  void aSmallBodyReadAsAStreamIsNotPreviewedEvenWhenItArrivedWhole() throws Exception {
    TraceManager.startTrace("small_stream");
    HttpResponse<InputStream> response = client.send(
        HttpRequest.newBuilder(server.uri("/json")).build(), BodyHandlers.ofInputStream());
    String read;
    try (InputStream body = response.body()) {
      read = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
    TraceManager.finalizeAndSend();

    assertThat(read).isEqualTo(LocalServer.JSON);
    assertThat(recordedResponsePreview()).isFalse();
  }

  @Test
  void linesTheApplicationStreamsArriveIntactAndAreNotPreviewed() throws Exception {
    TraceManager.startTrace("lines");
    HttpResponse<Stream<String>> response = client.send(
        HttpRequest.newBuilder(server.uri("/stream")).build(), BodyHandlers.ofLines());
    String read;
    try (Stream<String> lines = response.body()) {
      read = lines.collect(Collectors.joining("\n", "", "\n"));
    }
    TraceManager.finalizeAndSend();

    assertThat(read).isEqualTo(LocalServer.STREAM);
    assertThat(recordedResponsePreview()).isFalse();
  }

  @Test
  void anEventStreamIsNeverPreviewedEvenWhenBuffered() throws Exception {
    TraceManager.startTrace("events");
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/events"))
        .build(), BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(response.body()).contains("p4ssw0rd!");
    assertThat(recordedResponsePreview()).isFalse();
  }

  @Test
  void theRequestBodyIsNeverPreviewedAndArrivesWhole() throws Exception {
    TraceManager.startTrace("request_body");
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/echo"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(LocalServer.JSON)).build(),
        BodyHandlers.ofString());
    TraceManager.finalizeAndSend();

    assertThat(response.body()).isEqualTo(LocalServer.JSON);
    assertThat(Exported.onlyTrace(sink).at("/spans/0/metadata").has("http.request.body_preview"))
        .isFalse();
  }

  private boolean recordedResponsePreview() {
    return Exported.onlyTrace(sink).at("/spans/0/metadata").has("http.response.body_preview");
  }
}
