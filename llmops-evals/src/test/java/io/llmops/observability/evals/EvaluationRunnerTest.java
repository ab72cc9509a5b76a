package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.evals.FakeChatServer.Reply;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120)
class EvaluationRunnerTest {

  private final CollectingSink sink = new CollectingSink();
  private FakeChatServer server;
  private EvaluationRunner runner;

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
  }

  @AfterEach
  void shutdown() {
    if (runner != null) {
      runner.shutdown(Duration.ofSeconds(10));
    }
    if (server != null) {
      server.close();
    }
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  /** A generation span, ended, and a context naming it. */
  private record Generation(String traceId, String spanId, LlmopsContext context) {

    static Generation answer() {
      try (Span span = Llmops.generation("answer").start()) {
        span.setPrompt("What is 2 + 2?").setResponse("4");
        return new Generation(span.traceId(), span.spanId(), LlmopsContext.current());
      }
    }
  }

  private Judge httpJudge(String timeoutSeconds) {
    Map<String, String> env = Map.of(JudgeConfig.JUDGE, "openai", JudgeConfig.MODEL, "judge-1",
        JudgeConfig.BASE_URL, server.baseUrl(), JudgeConfig.TIMEOUT, timeoutSeconds);
    return JudgeConfig.from(name -> Optional.ofNullable(env.get(name))).createJudge().orElseThrow();
  }

  private static JudgeRequest request(String response) {
    return new JudgeRequest(Criterion.CORRECTNESS, "What is 2 + 2?", response, null,
        Map.of("suite", "smoke"));
  }

  /** Every span of every message of {@code traceId} (the trace and its late segments). */
  private List<JsonNode> spansOf(String traceId) {
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    List<JsonNode> spans = new ArrayList<>();
    for (JsonNode trace : io.llmops.observability.testing.DecodedTraces.of(sink.messages())) {
      if (trace.get("trace_id").asText().equals(traceId)) {
        trace.get("spans").forEach(spans::add);
      }
    }
    return spans;
  }

  private static List<JsonNode> evaluations(List<JsonNode> spans) {
    return spans.stream().filter(s -> s.get("span_type").asText().equals("evaluation")).toList();
  }

  @Test
  void aVerdictIsRecordedOffTheCallersThreadUnderTheGenerationItJudges() throws Exception {
    server = FakeChatServer.answering(
        "{\"score\": 1.0, \"label\": \"correct\", \"rationale\": \"2 + 2 is 4.\"}");
    List<String> judgedOn = new CopyOnWriteArrayList<>();
    Judge http = httpJudge("5");
    Judge judge = new Judge() {
      @Override
      public CompletableFuture<Verdict> judge(JudgeRequest request) {
        judgedOn.add(Thread.currentThread().getName());
        return http.judge(request);
      }

      @Override
      public Map<String, Object> describe() {
        return http.describe();
      }
    };
    runner = new EvaluationRunner(judge, 2, 10, Duration.ofSeconds(5));

    TraceManager.startTrace("qa");
    Generation generation = Generation.answer();
    assertThat(runner.submit(request("4"), generation.context(), generation.spanId())).isTrue();
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    TraceManager.endTrace();

    assertThat(judgedOn).singleElement().asString().startsWith("llmops-eval-");
    JsonNode evaluation = evaluations(spansOf(generation.traceId())).get(0);
    assertThat(evaluation.get("span_name").asText()).isEqualTo("correctness");
    assertThat(evaluation.get("parent_span_id").asText()).isEqualTo(generation.spanId());
    assertThat(evaluation.at("/input_data/evaluation/evaluated_span_id").asText())
        .isEqualTo(generation.spanId());
    assertThat(evaluation.at("/input_data/evaluation/score").asDouble()).isEqualTo(1.0);
    assertThat(evaluation.at("/input_data/evaluation/label").asText()).isEqualTo("correct");
    assertThat(evaluation.at("/input_data/evaluation/rationale").asText()).isEqualTo("2 + 2 is 4.");
    assertThat(evaluation.at("/metadata/evaluator/type").asText()).isEqualTo("llm_judge");
    assertThat(evaluation.at("/metadata/evaluator/model").asText()).isEqualTo("judge-1");
    assertThat(evaluation.at("/metadata/evaluator/criterion").asText()).isEqualTo("correctness");
    assertThat(evaluation.at("/metadata/evaluator/suite").asText()).isEqualTo("smoke");
    assertThat(Llmops.stats().get(EvaluationRunner.COMPLETED_COUNTER)).isEqualTo(1);
  }

  @Test
  void anEvaluationFinishingAfterItsTraceWasSentGoesOutAsALateSegmentOfTheSameTrace() {
    CompletableFuture<Verdict> pending = new CompletableFuture<>();
    runner = new EvaluationRunner(request -> pending, 1, 10, Duration.ofSeconds(30));

    TraceManager.startTrace("qa");
    Generation generation = Generation.answer();
    runner.submit(request("4"), generation.context(), generation.spanId());
    TraceManager.endTrace();
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(sink.messages()).hasSize(1);

    pending.complete(new Verdict(0.5, "partially_correct", "Late but fair."));
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();

    assertThat(spansOf(generation.traceId())).hasSize(2);
    JsonNode late = io.llmops.observability.testing.DecodedTraces.of(sink.messages()).get(1);
    assertThat(late.get("trace_id").asText()).isEqualTo(generation.traceId());
    assertThat(late.get("is_child_segment").asBoolean()).isTrue();
    assertThat(late.at("/spans/0/parent_span_id").asText()).isEqualTo(generation.spanId());
    assertThat(late.at("/spans/0/input_data/evaluation/label").asText()).isEqualTo("partially_correct");
  }

  static Stream<Arguments> failingJudges() {
    return Stream.of(
        Arguments.of("garbage", (Function<JsonNode, Reply>) r -> Reply.assistant("Looks fine to me!"), "unreadable_answer"),
        Arguments.of("non-JSON body", (Function<JsonNode, Reply>) r -> Reply.status(200, "<html/>"), "unreadable_answer"),
        Arguments.of("HTTP 500", (Function<JsonNode, Reply>) r -> Reply.status(500, "oops"), "backend_error"),
        Arguments.of("no answer", (Function<JsonNode, Reply>) r -> Reply.hanging(), "timeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingJudges")
  void aJudgeThatFailsIsRecordedAsAJudgeErrorAndCounted(
      String what, Function<JsonNode, Reply> script, String reason) throws Exception {
    server = new FakeChatServer(script);
    runner = new EvaluationRunner(httpJudge("0.5"), 1, 10, Duration.ofSeconds(5));

    TraceManager.startTrace("qa");
    Generation generation = Generation.answer();
    assertThat(runner.submit(request("4"), generation.context(), generation.spanId())).isTrue();
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    TraceManager.endTrace();

    JsonNode evaluation = evaluations(spansOf(generation.traceId())).get(0);
    assertThat(evaluation.get("parent_span_id").asText()).isEqualTo(generation.spanId());
    assertThat(evaluation.at("/input_data/evaluation/score").isNull()).isTrue();
    assertThat(evaluation.at("/input_data/evaluation/label").asText())
        .isEqualTo(EvaluationRunner.FAILED_LABEL);
    assertThat(evaluation.at("/input_data/evaluation/rationale").asText())
        .startsWith("The judge could not decide");
    assertThat(evaluation.at("/metadata/evaluator/status").asText()).isEqualTo("failed");
    assertThat(evaluation.at("/metadata/evaluator/error").asText()).isEqualTo(reason);
    assertThat(Llmops.stats().get(EvaluationRunner.FAILED_COUNTER)).isEqualTo(1);
  }

  @Test
  void aJudgeThatThrowsOrNeverCompletesIsIsolated() {
    runner = new EvaluationRunner(request -> {
      throw new IllegalStateException("judge bug");
    }, 1, 10, Duration.ofSeconds(5));
    TraceManager.startTrace("qa");
    Generation first = Generation.answer();
    runner.submit(request("4"), first.context(), first.spanId());
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    runner.close();

    runner = new EvaluationRunner(request -> new CompletableFuture<>(), 1, 10, Duration.ofMillis(200));
    runner.submit(request("4"), first.context(), first.spanId());
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    TraceManager.endTrace();

    List<JsonNode> evaluations = evaluations(spansOf(first.traceId()));
    assertThat(evaluations).extracting(e -> e.at("/metadata/evaluator/error").asText())
        .containsExactlyInAnyOrder("judge_failed", "timeout");
    assertThat(Llmops.stats().get(EvaluationRunner.FAILED_COUNTER)).isEqualTo(2);
  }

  @Test
  void whenTheQueueIsFullEvaluationsAreDroppedAndCountedWithoutBlocking() {
    CompletableFuture<Verdict> gate = new CompletableFuture<>();
    runner = new EvaluationRunner(request -> gate, 1, 2, Duration.ofSeconds(30));
    TraceManager.startTrace("burst");
    Generation generation = Generation.answer();

    int accepted = 0;
    for (int i = 0; i < 10; i++) {
      accepted += runner.submit(request("4"), generation.context(), generation.spanId()) ? 1 : 0;
    }

    assertThat(accepted).isEqualTo(3); // one running, two queued
    assertThat(Llmops.stats().get(EvaluationRunner.DROPPED_COUNTER)).isEqualTo(7);
    gate.complete(new Verdict(1, "correct", null));
    assertThat(runner.awaitIdle(Duration.ofSeconds(20))).isTrue();
    TraceManager.endTrace();
    assertThat(evaluations(spansOf(generation.traceId()))).hasSize(3);
  }

  @Test
  void concurrentEvaluationsAcrossManyTracesEachLandOnTheirOwnTrace() throws Exception {
    // The judge echoes the judged response (unique per trace) as its rationale.
    server = new FakeChatServer(request -> {
      String response = FakeChatServer.dataSection(request).get("response").asText();
      return Reply.assistant("{\"score\": 0.75, \"label\": \"ok\", \"rationale\": \"" + response + "\"}");
    });
    runner = new EvaluationRunner(httpJudge("10"), 4, 1000, Duration.ofSeconds(10));
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<Generation>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(callers.submit(() -> {
        TraceManager.startTrace("conversation");
        Generation generation = Generation.answer();
        runner.submit(request("answer-" + generation.traceId()), generation.context(), generation.spanId());
        TraceManager.endTrace(); // most evaluations finish after this: late segments
        return generation;
      }));
    }
    List<Generation> generations = new ArrayList<>();
    for (Future<Generation> future : futures) {
      generations.add(future.get(60, TimeUnit.SECONDS));
    }
    callers.shutdown();
    assertThat(runner.awaitIdle(Duration.ofSeconds(60))).isTrue();

    for (Generation generation : generations) {
      List<JsonNode> evaluations = evaluations(spansOf(generation.traceId()));
      assertThat(evaluations).as("evaluations of trace %s", generation.traceId()).hasSize(1);
      JsonNode evaluation = evaluations.get(0);
      assertThat(evaluation.get("parent_span_id").asText()).isEqualTo(generation.spanId());
      assertThat(evaluation.at("/input_data/evaluation/rationale").asText())
          .isEqualTo("answer-" + generation.traceId());
    }
    assertThat(sink.violations()).isEmpty();
    assertThat(Llmops.stats().get(EvaluationRunner.COMPLETED_COUNTER)).isEqualTo(200);
    assertThat(Llmops.stats().get("spans.late")).isZero();
  }
}
