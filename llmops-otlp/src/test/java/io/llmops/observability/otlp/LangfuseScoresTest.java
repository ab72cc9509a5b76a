package io.llmops.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.testing.CapturedLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Evaluation spans become Langfuse scores, posted after their spans were accepted, each once. */
class LangfuseScoresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRACE_HEX = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String EVALUATION_HEX = "bbbbbbbbcccc4ddd";

  private final OtlpReceiver receiver = OtlpReceiver.start();
  private final SinkMetrics metrics = SinkMetrics.detached();
  private final List<TraceSink> sinks = new ArrayList<>();

  @AfterEach
  void stop() {
    sinks.forEach(sink -> sink.shutdown(Duration.ofSeconds(1)));
    receiver.close();
  }

  private TraceSink langfuseSink(LlmopsConfig config) {
    TraceSink sink = new LangfuseSinkProvider().create(config, metrics);
    sinks.add(sink);
    return sink;
  }

  private TraceSink langfuseSink() {
    return langfuseSink(SinkTesting.langfuse(receiver).build());
  }

  private ExportResult exportFixture(TraceSink sink) {
    return sink.export(List.of(SinkTesting.everySpanTypeMessage()));
  }

  private List<JsonNode> postedScores() {
    return receiver.scoreRequests().stream().map(request -> read(request.body())).toList();
  }

  private JsonNode postedScore(String name) {
    return postedScores().stream().filter(score -> score.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no score named " + name));
  }

  @Test
  void theNumericScoreCarriesTheRationaleAndAttachesToTheEvaluatedObservation() {
    assertThat(exportFixture(langfuseSink()).isSuccess()).isTrue();
    JsonNode score = postedScore("faithfulness");
    assertThat(score.path("id").asText()).isEqualTo(EVALUATION_HEX + "-faithfulness");
    assertThat(score.path("dataType").asText()).isEqualTo("NUMERIC");
    assertThat(score.path("value").isNumber()).isTrue();
    assertThat(score.path("value").asDouble()).isEqualTo(0.9);
    assertThat(score.path("comment").asText()).isEqualTo("matches the order record");
    assertThat(score.path("traceId").asText()).isEqualTo(TRACE_HEX);
    assertThat(score.path("observationId").asText()).isEqualTo("6666666677774888");
    assertThat(score.path("metadata").path("label").asText()).isEqualTo("faithful");
    assertThat(score.path("metadata").path("evaluation_span_id").asText()).isEqualTo(EVALUATION_HEX);
  }

  @Test
  void theLabelIsACategoricalScoreOfItsOwnName() {
    exportFixture(langfuseSink());
    JsonNode label = postedScore("faithfulness.label");
    assertThat(label.path("id").asText()).isEqualTo(EVALUATION_HEX + "-faithfulness.label");
    assertThat(label.path("dataType").asText()).isEqualTo("CATEGORICAL");
    assertThat(label.path("value").asText()).isEqualTo("faithful");
    assertThat(label.path("observationId").asText()).isEqualTo("6666666677774888");
    assertThat(postedScores()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.scoresSent("langfuse"))).isEqualTo(2);
  }

  @Test
  void scoresArePostedWithBasicAuthAsJsonAfterTheSpansWereAccepted() {
    exportFixture(langfuseSink());
    assertThat(receiver.paths()).containsExactly("/api/public/otel/v1/traces",
        OtlpReceiver.SCORES, OtlpReceiver.SCORES);
    OtlpReceiver.ScoreRequest request = receiver.scoreRequests().get(0);
    assertThat(request.header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("pk-lf-test:sk-lf-test".getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void theEnvironmentIsNormalisedAsOnTheSpans() {
    exportFixture(langfuseSink());
    String spanEnvironment = OtlpReceiver.text(receiver.spans().get(0), "langfuse.environment");
    assertThat(postedScores()).allSatisfy(score ->
        assertThat(score.path("environment").asText()).isEqualTo(spanEnvironment).isEqualTo("default"));
    langfuseSink().export(List.of(evaluationTrace("Langfuse-Staging", "{\"name\":\"tone\",\"score\":1,"
        + "\"evaluated_span_id\":\"" + GENERATION + "\"}")));
    assertThat(postedScore("tone").path("environment").asText()).isEqualTo("staging");
  }

  @Test
  void aReExportPostsTheSameIdsSoLangfuseUpsertsInsteadOfDuplicating() {
    exportFixture(langfuseSink());
    exportFixture(langfuseSink());
    List<JsonNode> posted = postedScores();
    assertThat(posted).hasSize(4);
    assertThat(posted.subList(2, 4)).isEqualTo(posted.subList(0, 2));
  }

  @Test
  void theSameSinkPostsAScoreOnceWhenItsTraceIsHandedOverAgain() {
    TraceSink sink = langfuseSink();
    exportFixture(sink);
    assertThat(exportFixture(sink).isSuccess()).isTrue();
    assertThat(receiver.scoreRequests()).hasSize(2);
  }

  @Test
  void noScoreIsPostedWhenTheSpansWereRefusedAndTheScoresCountAsDropped() {
    receiver.answer(401);
    ExportResult result = exportFixture(langfuseSink());
    assertThat(result.isSuccess()).isFalse();
    assertThat(receiver.scoreRequests()).isEmpty();
    assertThat(metrics.get(OtlpSettings.droppedScoresFailed("langfuse"))).isEqualTo(2);
  }

  @Test
  void aScoreWhoseSpansArriveOnTheRetryIsPostedThen() {
    receiver.answer(401);
    TraceSink sink = langfuseSink();
    exportFixture(sink);
    assertThat(exportFixture(sink).isSuccess()).isTrue();
    assertThat(receiver.scoreRequests()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.scoresSent("langfuse"))).isEqualTo(2);
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    receiver.answerScore(429, Map.of("Retry-After", "1"));
    long start = System.nanoTime();
    assertThat(exportFixture(langfuseSink()).isSuccess()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(receiver.scoreRequests()).hasSize(3);
    assertThat(receiver.scoreRequests().get(1).body()).isEqualTo(receiver.scoreRequests().get(0).body());
    assertThat(metrics.get(OtlpSettings.scoresSent("langfuse"))).isEqualTo(2);
  }

  @Test
  void a500And503AreRetried() {
    receiver.answerScore(500).answerScore(503);
    assertThat(exportFixture(langfuseSink()).isSuccess()).isTrue();
    assertThat(receiver.scoreRequests()).hasSize(4);
    assertThat(metrics.get(OtlpSettings.scoresSent("langfuse"))).isEqualTo(2);
  }

  @Test
  void aScoreEndpointThatKeepsFailingCostsTheConfiguredAttemptsAndTheScoreCountsAsDropped() {
    for (int i = 0; i < 3; i++) {
      receiver.answerScore(503);
    }
    TraceSink sink = langfuseSink(SinkTesting.langfuse(receiver).set(OtlpSettings.RETRY_ATTEMPTS, "3").build());
    assertThat(exportFixture(sink).isSuccess()).isFalse();
    assertThat(receiver.scoreRequests()).hasSize(4);
    assertThat(metrics.get(OtlpSettings.droppedScoresFailed("langfuse"))).isEqualTo(1);
    assertThat(metrics.get(OtlpSettings.scoresSent("langfuse"))).isEqualTo(1);
  }

  @Test
  void a400IsNotRetriedAndIsLoggedOnceWithoutAKey() {
    receiver.answerScore(400).answerScore(400);
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(exportFixture(langfuseSink()).isSuccess()).isFalse();
      List<String> lines = log.messages().stream().filter(line -> line.contains("HTTP 400")).toList();
      assertThat(lines).singleElement().satisfies(line ->
          assertThat(line).contains("scores").doesNotContain("sk-lf-test").doesNotContain("pk-lf-test"));
    }
    assertThat(receiver.scoreRequests()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.droppedScoresRejected("langfuse"))).isEqualTo(2);
  }

  @Test
  void aHangingScoreEndpointHoldsTheSinkNoLongerThanTheExportTimeLimit() {
    for (int i = 0; i < 10; i++) {
      receiver.hangScore();
    }
    LlmopsConfig config = SinkTesting.langfuse(receiver)
        .set(OtlpSettings.TIMEOUT, "5").set("LLMOPS_EXPORT_TIMEOUT", "2").build();
    long start = System.nanoTime();
    assertThat(exportFixture(langfuseSink(config)).isSuccess()).isFalse();
    // unbounded, two scores of five attempts of 5 s each would take 50 s
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(metrics.get(OtlpSettings.droppedScoresFailed("langfuse"))).isEqualTo(2);
  }

  @Test
  void aLabelAloneGivesOnlyTheCategoricalScoreAndARationaleAloneGivesNone() {
    TraceSink sink = langfuseSink();
    sink.export(List.of(evaluationTrace("prod",
        "{\"name\":\"tone\",\"label\":\"polite\",\"evaluated_span_id\":\"" + GENERATION + "\"}")));
    sink.export(List.of(evaluationTrace("prod", "{\"name\":\"note\",\"rationale\":\"looked fine\"}")));
    assertThat(postedScores()).extracting(score -> score.path("name").asText()).containsExactly("tone.label");
  }

  @Test
  void anEvaluatedSpanIdThatIsNoSpanIdGivesATraceLevelScore() {
    langfuseSink().export(List.of(
        evaluationTrace("prod", "{\"name\":\"tone\",\"score\":0.5,\"evaluated_span_id\":\"answer-1\"}")));
    JsonNode score = postedScore("tone");
    assertThat(score.has("observationId")).isFalse();
    assertThat(score.path("traceId").asText()).isEqualTo(EVALUATION_TRACE_HEX);
  }

  @Test
  void theOtlpSinkPostsNoScores() {
    LlmopsConfig config = SinkTesting.fast(io.llmops.observability.testing.TestConfigs.isolated())
        .set(OtlpSettings.OTLP_ENDPOINT, receiver.baseUrl()).build();
    TraceSink sink = new OtlpSinkProvider().create(config, metrics);
    sinks.add(sink);
    assertThat(exportFixture(sink).isSuccess()).isTrue();
    assertThat(receiver.spans()).hasSize(6);
    assertThat(receiver.scoreRequests()).isEmpty();
  }

  private static final String GENERATION = "0a0a0a0a-1111-4222-8333-444444444444";
  private static final String EVALUATION_TRACE_HEX = "5a5a5a5a00004000800000000000000a";
  private static int evaluationSpans;

  /** A trace with a generation and one evaluation span carrying {@code evaluation}. */
  private static TraceMessage evaluationTrace(String environment, String evaluation) {
    String evaluationSpan = String.format("0e0e0e0e-%04x-4000-8000-000000000000", ++evaluationSpans);
    String json = "{\"trace_id\":\"5a5a5a5a-0000-4000-8000-00000000000a\",\"trace_name\":\"t\","
        + "\"project_id\":\"p\",\"environment\":\"" + environment + "\",\"spans\":["
        + "{\"span_id\":\"" + GENERATION + "\",\"span_name\":\"llm\",\"span_type\":\"generation\","
        + "\"parent_span_id\":null,\"start_time\":1769446311.5,\"end_time\":1769446312},"
        + "{\"span_id\":\"" + evaluationSpan + "\",\"span_name\":\"eval\",\"span_type\":\"evaluation\","
        + "\"parent_span_id\":\"" + GENERATION + "\",\"start_time\":1769446312,\"end_time\":1769446312,"
        + "\"input_data\":{\"evaluation\":" + evaluation + "}}]}";
    return new TraceMessage("5a5a5a5a-0000-4000-8000-00000000000a", "SDKTraceData", "{}", "0".repeat(32),
        json.getBytes(StandardCharsets.UTF_8), 2);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
