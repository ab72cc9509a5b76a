package io.llmops.observability.ui;

import static io.llmops.observability.ui.SampleTraces.JSON;
import static io.llmops.observability.ui.SampleTraces.supportTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceViewerTest {

  static final String XSS_INPUT = "<script>window.pwned=1</script>\"><img src=x onerror=\"window.pwned=2\">";

  @TempDir Path data;
  @TempDir Path fileSink;
  @TempDir Path processor;
  private final HttpClient http = HttpClient.newHttpClient();
  private TraceViewer viewer;

  @AfterEach
  void stop() throws Exception {
    if (viewer != null) {
      viewer.close();
    }
  }

  @Test
  void theSameTraceReadFromTheFileSinkAndFromTheProcessorFolderIsStoredTheSame() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", true);
    viewer = TraceViewer.start(UiSettings.local(data, List.of(fileSink)));
    SampleTraces.appendToFileSink(fileSink, trace);
    JsonNode fromFileSink = awaitTrace(trace);
    JsonNode rowFromFileSink = get("api/traces").get("traces").get(0);
    viewer.close();

    viewer = TraceViewer.start(UiSettings.local(data.resolve("second"), List.of(processor)));
    SampleTraces.writeAsProcessor(processor, trace);
    JsonNode fromProcessor = awaitTrace(trace);

    assertThat(fromProcessor).isEqualTo(fromFileSink);
    assertThat(fromProcessor.get("trace")).isEqualTo(JSON.readTree(JSON.writeValueAsString(trace)));
    assertThat(get("api/traces").get("traces").get(0)).isEqualTo(rowFromFileSink);
  }

  @Test
  void aTraceTheProcessorMergedShowsItsChildSegmentsSpansAsThoseOfTheOtherServiceLikeOneMergedHere() throws Exception {
    ObjectNode parent = supportTrace("checkout", "ann", recently(), "gpt-4o", false);
    ObjectNode child = SampleTraces.childSegmentUnderTheTool(parent, "billing");
    ObjectNode merged = SampleTraces.mergedByProcessor(parent, child);
    String childSpan = merged.get("spans").get(4).get("span_id").asText();
    viewer = TraceViewer.start(UiSettings.local(data, List.of(processor)));
    SampleTraces.writeAsProcessor(processor, merged);
    JsonNode fromProcessor = awaitTrace(merged);
    viewer.close();

    viewer = TraceViewer.start(UiSettings.local(data.resolve("second"), List.of(fileSink)));
    SampleTraces.appendToFileSink(fileSink, parent);
    SampleTraces.appendToFileSink(fileSink, child);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get("api/traces/" + parent.get("trace_id").asText()).get("trace").get("spans")).hasSize(5));

    assertThat(fromProcessor.get("span_segments").get(childSpan).asText()).isEqualTo("segment-1");
    assertThat(fromProcessor.get("trace").get("spans").get(4).get("metadata").get("llmops.segment_service").asText())
        .isEqualTo("billing");
    assertThat(get("api/traces/" + parent.get("trace_id").asText())).isEqualTo(fromProcessor);
  }

  @Test
  void aProcessorFileRewrittenWithMoreSpansReplacesTheStoredTrace() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", false);
    ObjectNode firstWrite = trace.deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) firstWrite.get("spans")).remove(3);
    viewer = TraceViewer.start(UiSettings.local(data, List.of(processor)));
    SampleTraces.writeAsProcessor(processor, firstWrite);
    awaitTrace(firstWrite);

    SampleTraces.writeAsProcessor(processor, trace);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get("api/traces/" + trace.get("trace_id").asText()).get("trace").get("spans")).hasSize(4));
    assertThat(get("api/status").get("traces").asLong()).isEqualTo(1);
  }

  @Test
  void aLineThatIsNotATraceIsCountedAndTheOthersAreStored() throws Exception {
    java.nio.file.Files.writeString(fileSink.resolve("traces-2026-12-05.jsonl"), "{\"compressed\":true,\"data\":\"%%\"}\n");
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", false);
    SampleTraces.appendToFileSink(fileSink, trace);
    try (LogCapture log = LogCapture.of("io.llmops.observability.ui")) {
      viewer = TraceViewer.start(UiSettings.local(data, List.of(fileSink)));
      awaitTrace(trace);

      assertThat(viewer.counters()).containsEntry("rejected.bad_base64", 1L).containsEntry("stored.file", 1L);
      assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("was not stored: bad_base64"));
    }
  }

  @Test
  void untrustedTraceTextComesBackAsJsonStringsWithAStrictContentSecurityPolicy() throws Exception {
    ObjectNode trace = supportTrace(XSS_INPUT, XSS_INPUT, recently(), "gpt-4o", false);
    trace.put("trace_input", XSS_INPUT);
    viewer = TraceViewer.start(UiSettings.local(data, List.of(processor)));
    SampleTraces.writeAsProcessor(processor, trace);
    awaitTrace(trace);

    HttpResponse<String> list = send("api/traces");
    HttpResponse<String> page = send("");

    assertThat(JSON.readTree(list.body()).get("traces").get(0).get("name").asText()).isEqualTo(XSS_INPUT);
    assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void thePageScriptNeverWritesMarkupFromStrings() throws Exception {
    try (InputStream script = TraceViewer.class.getResourceAsStream("/io/llmops/observability/ui/web/app.js")) {
      String source = new String(script.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(source).doesNotContain("innerHTML").doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
    }
  }

  @Test
  void requestsNamingAnotherHostAreRefusedSoThatDnsRebindingCannotReachTheViewer() throws Exception {
    viewer = TraceViewer.start(UiSettings.local(data, List.of()));

    assertThat(statusWithHost("evil.example:" + viewer.port())).isEqualTo("HTTP/1.1 403 Forbidden");
    assertThat(statusWithHost("localhost:" + viewer.port())).isEqualTo("HTTP/1.1 200 OK");
  }

  @Test
  void withATokenEveryRequestMustCarryIt() throws Exception {
    String token = "a-long-enough-token-123";
    viewer = TraceViewer.start(new UiSettings(data, "127.0.0.1", 0, token, List.of(), Duration.ofSeconds(1),
        UiSettings.DEFAULT_MAX_AGE, UiSettings.DEFAULT_MAX_DATABASE_BYTES));

    assertThat(send("api/traces").statusCode()).isEqualTo(401);
    HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(viewer.url() + "api/traces"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).isEqualTo(200);
    HttpResponse<String> opened = send("?token=" + token);
    assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
  }

  @Test
  void bindingBeyondLoopbackWithoutATokenIsRefused() {
    assertThatThrownBy(() -> new UiSettings(data, "0.0.0.0", 0, null, List.of(), Duration.ofSeconds(1),
        UiSettings.DEFAULT_MAX_AGE, UiSettings.DEFAULT_MAX_DATABASE_BYTES))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
  }

  @Test
  void anInvalidFilterIsABadRequestNamingTheParameter() throws Exception {
    viewer = TraceViewer.start(UiSettings.local(data, List.of()));

    HttpResponse<String> answer = send("api/traces?limit=many");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("limit");
  }

  /** The JDK's client will not send a Host header of its own choosing: a raw request does. */
  private String statusWithHost(String host) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", viewer.port())) {
      socket.getOutputStream().write(("GET /api/traces HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  /** A minute ago: within retention, which deletes what started more than 30 days ago. */
  private static double recently() {
    return System.currentTimeMillis() / 1000.0 - 60;
  }

  private JsonNode awaitTrace(ObjectNode trace) throws Exception {
    String path = "api/traces/" + trace.get("trace_id").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> send(path).statusCode() == 200);
    return get(path);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> answer = send(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(viewer.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
