package io.llmops.observability.ui;

import static io.llmops.observability.ui.SampleTraces.JSON;
import static io.llmops.observability.ui.SampleTraces.supportTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.OtlpSettings;
import io.llmops.observability.otlp.OtlpSinkProvider;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans sent to the viewer's {@code /v1/traces} by the SDK's real {@code otlp} sink. */
class OtlpIngestTest {

  private static final String TOKEN = "a-long-enough-token-123";

  @TempDir Path data;
  @TempDir Path fileSink;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  @Test
  void theSameTraceThroughTheFileSinkAndThroughOtlpIsStoredWithTheSameColumnsAndSpanTree() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", true);
    TraceViewer fromFiles = start(UiSettings.local(data.resolve("files"), List.of(fileSink)));
    TraceViewer fromOtlp = start(UiSettings.local(data.resolve("otlp"), List.of()));

    SampleTraces.appendToFileSink(fileSink, trace);
    assertThat(otlpSink(fromOtlp, Map.of()).export(List.of(message(trace))).isSuccess()).isTrue();

    JsonNode rowFromFiles = awaitRow(fromFiles, trace);
    JsonNode rowFromOtlp = awaitRow(fromOtlp, trace);
    assertThat(rowFromOtlp).isEqualTo(rowFromFiles);
    assertThat(rowFromOtlp.get("models").toString()).isEqualTo("[\"gpt-4o\"]");
    assertThat(rowFromOtlp.get("span_count").asInt()).isEqualTo(4);
    assertThat(spanTree(get(fromOtlp, trace))).isEqualTo(spanTree(get(fromFiles, trace)));
  }

  @Test
  void aGenerationComesBackWithItsPromptResponseUsageCostAndMetadata() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", false);
    TraceViewer viewer = start(UiSettings.local(data, List.of()));

    otlpSink(viewer, Map.of()).export(List.of(message(trace)));

    JsonNode generation = awaitSpans(viewer, trace, 4).get(0);
    JsonNode sent = JSON.readTree(JSON.writeValueAsString(trace)).get("spans").get(0);
    for (String field : List.of("span_id", "parent_span_id", "span_type", "model_id", "prompt", "response", "usage",
        "cost", "duration_ms")) {
      assertThat(generation.get(field)).as(field).isEqualTo(sent.get(field));
    }
    for (String field : List.of("start_time", "end_time")) {  // kept to the microsecond, as the SDK writes them
      assertThat(generation.get(field).asDouble()).as(field).isCloseTo(sent.get(field).asDouble(), within(1e-6));
    }
    assertThat(generation.get("metadata").get("llm.tool_calls")).isEqualTo(sent.get("metadata").get("llm.tool_calls"));
  }

  @Test
  void spansOfOneTraceSentInSeveralRequestsJoinOneStoredTrace() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", false);
    ObjectNode firstHalf = trace.deepCopy();
    ObjectNode secondHalf = trace.deepCopy();
    ((ArrayNode) firstHalf.get("spans")).remove(3);
    ((ArrayNode) firstHalf.get("spans")).remove(2);
    ((ArrayNode) secondHalf.get("spans")).remove(1);
    ((ArrayNode) secondHalf.get("spans")).remove(0);
    TraceViewer viewer = start(UiSettings.local(data, List.of()));
    TraceSink sink = otlpSink(viewer, Map.of());

    sink.export(List.of(message(firstHalf)));
    sink.export(List.of(message(secondHalf)));

    awaitSpans(viewer, trace, 4);
    assertThat(spanTree(get(viewer, trace))).isEqualTo(spanTree(trace));
    assertThat(get(viewer, "api/status").get("traces").asLong()).isEqualTo(1);
  }

  @Test
  void withATokenTheSinkMustSendItAsABearerHeader() throws Exception {
    ObjectNode trace = supportTrace("answer", "ann", recently(), "gpt-4o", false);
    TraceViewer viewer = start(new UiSettings(data, "127.0.0.1", 0, TOKEN, List.of(), Duration.ofSeconds(1),
        UiSettings.DEFAULT_MAX_AGE, UiSettings.DEFAULT_MAX_DATABASE_BYTES));

    try (LogCapture log = LogCapture.of("io")) {
      assertThat(otlpSink(viewer, Map.of()).export(List.of(message(trace))).isSuccess()).isFalse();
      assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("401"));
    }
    assertThat(otlpSink(viewer, Map.of(OtlpSettings.OTLP_HEADERS, "Authorization=Bearer " + TOKEN))
        .export(List.of(message(trace))).isSuccess()).isTrue();
    assertThat(viewer.counters()).containsEntry("stored.otlp_spans", 4L);
  }

  @Test
  void aSpanFromAnotherOpenTelemetrySdkWithGenAiConventionsIsStoredAsAGeneration() throws Exception {
    TraceViewer viewer = start(UiSettings.local(data, List.of()));
    byte[] traceId = HexFormat.of().parseHex("4bf92f3577b34da6a3ce929d0e0e4736");
    Span span = Span.newBuilder().setTraceId(ByteString.copyFrom(traceId))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00f067aa0ba902b7"))).setName("chat gpt-4o")
        .setStartTimeUnixNano(1_796_000_000_123_456_000L).setEndTimeUnixNano(1_796_000_001_123_456_000L)
        .addAllAttributes(List.of(text("gen_ai.operation.name", "chat"), text("gen_ai.request.model", "gpt-4o"),
            number("gen_ai.usage.input_tokens", 12), number("gen_ai.usage.output_tokens", 3), text("user.id", "bob"),
            text("session.id", "s1"), text("http.route", "/ask")))
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("rate limited"))
        .addEvents(Span.Event.newBuilder().setName("exception").addAttributes(text("exception.type", "RateLimitError")))
        .build();
    ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(text("service.name", "python-agent"))
            .addAttributes(text("deployment.environment.name", "staging")))
        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))).build();

    assertThat(post(viewer, gzip(request.toByteArray()), "gzip").statusCode()).isEqualTo(200);

    JsonNode trace = get(viewer, "api/traces/4bf92f35-77b3-4da6-a3ce-929d0e0e4736").get("trace");
    assertThat(trace.get("trace_name").asText()).isEqualTo("chat gpt-4o");
    assertThat(trace.get("project_id").asText()).isEqualTo("python-agent");
    assertThat(trace.get("environment").asText()).isEqualTo("staging");
    assertThat(trace.get("user_id").asText()).isEqualTo("bob");
    assertThat(trace.get("session_id").asText()).isEqualTo("s1");
    JsonNode stored = trace.get("spans").get(0);
    assertThat(stored.get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
    assertThat(stored.get("span_type").asText()).isEqualTo("generation");
    assertThat(stored.get("model_id").asText()).isEqualTo("gpt-4o");
    assertThat(stored.get("usage").toString()).isEqualTo("{\"input_tokens\":12,\"output_tokens\":3,\"total_tokens\":15}");
    assertThat(stored.get("status").asText()).isEqualTo("error");
    assertThat(stored.get("status_message").asText()).isEqualTo("rate limited");
    assertThat(stored.get("duration_ms").asLong()).isEqualTo(1000);
    assertThat(stored.get("metadata").get("http.route").asText()).isEqualTo("/ask");
    assertThat(stored.get("metadata").get("exception.type").asText()).isEqualTo("RateLimitError");
  }

  @Test
  void aBodyBeyondTheCapIsRefusedWith413EvenWhenItOnlyGrowsThatLargeWhenDecompressed() throws Exception {
    TraceViewer viewer = start(UiSettings.local(data, List.of()));
    byte[] bomb = gzip(new byte[(16 << 20) + 1]);

    try (LogCapture log = LogCapture.of("io.llmops.observability.ui")) {
      assertThat(post(viewer, bomb, "gzip").statusCode()).isEqualTo(413);
      assertThat(post(viewer, new byte[(16 << 20) + 1], null).statusCode()).isEqualTo(413);
      assertThat(post(viewer, new byte[(16 << 20) + 1], "gzip").statusCode()).isEqualTo(413);
      assertThat(post(viewer, "not protobuf".getBytes(), null).statusCode()).isEqualTo(400);
      assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("refused (413)"));
    }
    assertThat(viewer.counters()).containsEntry("rejected.otlp_too_large", 3L).containsEntry("rejected.otlp_bad_protobuf", 1L);
  }

  private TraceViewer start(UiSettings settings) throws Exception {
    TraceViewer viewer = TraceViewer.start(settings);
    running.add(viewer);
    return viewer;
  }

  /** The SDK's {@code otlp} sink, pointed at the viewer, with short retries. */
  private TraceSink otlpSink(TraceViewer viewer, Map<String, String> more) {
    LlmopsConfig.Builder config = LlmopsConfig.builder().environmentVariables(Map.of()).systemProperties(new Properties())
        .dotEnvFile(null).projectId("support-bot").environment("dev")
        .set(OtlpSettings.OTLP_TRACES_ENDPOINT, viewer.otlpTracesEndpoint())
        .set(OtlpSettings.RETRY_ATTEMPTS, "1")
        .set(OtlpSettings.TIMEOUT, "5");
    more.forEach(config::set);
    TraceSink sink = new OtlpSinkProvider().create(config.build(), SinkMetrics.detached());
    running.add(() -> sink.shutdown(Duration.ofSeconds(1)));
    return sink;
  }

  private static TraceMessage message(ObjectNode trace) throws Exception {
    return new TraceMessage(trace.get("trace_id").asText(), "SDKTraceData", SampleTraces.message(trace),
        trace.get("idempotency_key").asText(), JSON.writeValueAsBytes(trace), trace.get("spans").size());
  }

  /** Each span as id, parent, name, type and status. */
  private static Set<String> spanTree(JsonNode trace) {
    Set<String> tree = new TreeSet<>();
    JsonNode spans = trace.has("trace") ? trace.get("trace").get("spans") : trace.get("spans");
    spans.forEach(span -> tree.add(span.get("span_id").asText() + " < " + span.get("parent_span_id").asText()
        + " " + span.get("span_name").asText() + " " + span.get("span_type").asText() + " " + span.get("status").asText()));
    return tree;
  }

  private JsonNode awaitRow(TraceViewer viewer, ObjectNode trace) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> get(viewer, "api/traces").get("traces").size() == 1);
    JsonNode row = get(viewer, "api/traces").get("traces").get(0);
    assertThat(row.get("trace_id").asText()).isEqualTo(trace.get("trace_id").asText());
    return row;
  }

  private JsonNode awaitSpans(TraceViewer viewer, ObjectNode trace, int spans) throws Exception {
    String path = "api/traces/" + trace.get("trace_id").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> send(viewer, path).statusCode() == 200
        && JSON.readTree(send(viewer, path).body()).get("trace").get("spans").size() == spans);
    return get(viewer, path).get("trace").get("spans");
  }

  private JsonNode get(TraceViewer viewer, ObjectNode trace) throws Exception {
    return get(viewer, "api/traces/" + trace.get("trace_id").asText());
  }

  private JsonNode get(TraceViewer viewer, String path) throws Exception {
    HttpResponse<String> answer = send(viewer, path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(TraceViewer viewer, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(viewer.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(TraceViewer viewer, byte[] body, String encoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(viewer.otlpTracesEndpoint()))
        .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static KeyValue text(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  private static KeyValue number(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
  }

  private static byte[] gzip(byte[] body) throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(body);
    }
    return compressed.toByteArray();
  }

  private static double recently() {
    return System.currentTimeMillis() / 1000.0 - 60;
  }
}
