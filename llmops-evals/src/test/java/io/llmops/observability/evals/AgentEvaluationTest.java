package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.evals.FakeChatServer.Reply;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @TrackLlmCall(evals = ...)} through the agent, the ServiceLoader hand-off and a judge. */
@Timeout(120)
class AgentEvaluationTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  private final CollectingSink sink = new CollectingSink();
  private final Assistant assistant = new Assistant();
  private FakeChatServer server;

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    assertThat(JudgeEvaluations.shutdown(Duration.ofSeconds(10))).isTrue();
    if (server != null) {
      server.close();
    }
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private void useHttpJudge(String timeoutSeconds) {
    Map<String, String> env = Map.of(JudgeConfig.JUDGE, "openai", JudgeConfig.MODEL, "judge-1",
        JudgeConfig.BASE_URL, server.baseUrl(), JudgeConfig.TIMEOUT, timeoutSeconds);
    JudgeConfig config = JudgeConfig.from(name -> Optional.ofNullable(env.get(name)));
    JudgeEvaluations.install(new EvaluationRunner(config.createJudge().orElseThrow(), config));
  }

  private List<JsonNode> allSpans() {
    assertThat(JudgeEvaluations.runner().awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> spans = new ArrayList<>();
    DecodedTraces.of(sink.messages()).forEach(trace -> trace.get("spans").forEach(spans::add));
    return spans;
  }

  private static JsonNode named(List<JsonNode> spans, String name) {
    return spans.stream().filter(s -> s.get("span_name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name));
  }

  @Test
  void anAnnotatedCallIsJudgedInTheBackgroundForEachCriterionUnderItsGeneration() throws Exception {
    server = FakeChatServer.answering("{\"score\": 0.9, \"label\": \"good\", \"rationale\": \"Fine.\"}");
    useHttpJudge("5");

    TraceManager.startTrace("chat");
    String answer = assistant.answer("What is Java?");
    TraceManager.endTrace();

    assertThat(answer).isEqualTo("echo: What is Java?");
    List<JsonNode> spans = allSpans();
    JsonNode generation = named(spans, "answer");
    for (String criterion : List.of("correctness", "relevance")) {
      JsonNode evaluation = named(spans, criterion);
      assertThat(evaluation.get("parent_span_id").asText()).isEqualTo(generation.get("span_id").asText());
      assertThat(evaluation.at("/input_data/evaluation/evaluated_span_id").asText())
          .isEqualTo(generation.get("span_id").asText());
      assertThat(evaluation.at("/input_data/evaluation/score").asDouble()).isEqualTo(0.9);
      assertThat(evaluation.at("/metadata/evaluator/suite").asText()).isEqualTo("smoke");
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(0).at("/messages/1/content").asText())
        .contains("What is Java?", "echo: What is Java?");
  }

  @Test
  void faithfulnessReadsItsContextFromTheEvaluationMetadata() throws Exception {
    server = FakeChatServer.answering("{\"score\": 1, \"label\": \"faithful\"}");
    useHttpJudge("5");

    assistant.grounded("When do you open?"); // an implicit trace: the evaluation is a late segment

    JsonNode evaluation = named(allSpans(), "faithfulness");
    assertThat(evaluation.at("/input_data/evaluation/label").asText()).isEqualTo("faithful");
    assertThat(evaluation.at("/metadata/evaluator").has("context")).isFalse();
    assertThat(FakeChatServer.dataSection(server.requests().get(0)).get("context").asText())
        .isEqualTo("The shop opens 9-17 on weekdays.");
  }

  @Test
  void aJudgeThatHangsOrFailsNeitherDelaysNorChangesTheCall() throws Exception {
    server = new FakeChatServer(request -> Reply.hanging());
    useHttpJudge("3");

    long start = System.nanoTime();
    String answer = assistant.answer("What is Java?");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(answer).isEqualTo("echo: What is Java?");
    assertThat(took).as("the judge times out after 3 s; the call does not wait for it")
        .isLessThan(Duration.ofSeconds(2));
    List<JsonNode> spans = allSpans();
    assertThat(named(spans, "correctness").at("/metadata/evaluator/error").asText()).isEqualTo("timeout");
    assertThat(Llmops.stats().get(EvaluationRunner.FAILED_COUNTER)).isEqualTo(2);

    server.script(request -> Reply.status(502, "bad gateway"));
    assertThat(assistant.answer("again")).isEqualTo("echo: again");
    assertThat(allSpans()).filteredOn(s -> s.at("/metadata/evaluator/error").asText().equals("backend_error"))
        .hasSize(2);
  }

  @Test
  void aSampleRateOfTwentyPercentIsHonouredWithinFiveSigma() {
    AtomicInteger judged = new AtomicInteger();
    JudgeEvaluations.install(new EvaluationRunner(request -> {
      judged.incrementAndGet();
      return CompletableFuture.completedFuture(new Verdict(1, "ok", null));
    }, 2, 5000, Duration.ofSeconds(5)));
    int calls = 2000;

    TraceManager.startTrace("sampling");
    for (int i = 0; i < calls; i++) {
      assertThat(assistant.sampled("p" + i)).isEqualTo("sampled: p" + i);
    }
    TraceManager.endTrace();
    assertThat(JudgeEvaluations.runner().awaitIdle(Duration.ofSeconds(60))).isTrue();

    double expected = calls * 0.2;
    double sigma = Math.sqrt(calls * 0.2 * 0.8);
    assertThat((double) judged.get()).isBetween(expected - 5 * sigma, expected + 5 * sigma);
  }
}
