package io.llmops.observability.evals;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.EvaluationRequest;
import io.llmops.observability.evals.internal.JudgeEvaluationHandler;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JudgeEvaluationHandlerTest {

  private final CollectingSink sink = new CollectingSink();
  private final List<JudgeRequest> judged = new CopyOnWriteArrayList<>();

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    JudgeEvaluations.install(new EvaluationRunner(request -> {
      judged.add(request);
      return CompletableFuture.completedFuture(new Verdict(1, "ok", null));
    }, 1, 100, Duration.ofSeconds(5)));
  }

  @AfterEach
  void shutdown() {
    JudgeEvaluations.shutdown(Duration.ofSeconds(5));
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void eachKnownCriterionIsQueuedAndUnknownOnesAreSkipped() {
    TraceManager.startTrace("t");
    LlmopsContext context;
    String spanId;
    try (Span span = Llmops.generation("g").start()) {
      context = LlmopsContext.current();
      spanId = span.spanId();
    }
    new JudgeEvaluationHandler().evaluate(new EvaluationRequest(context.traceId(), spanId, "g",
        "m", "q", "a", List.of("correctness", "Harmfulness", "tone"), Map.of("context", "c"), context));
    assertThat(JudgeEvaluations.runner().awaitIdle(Duration.ofSeconds(10))).isTrue();
    TraceManager.endTrace();

    assertThat(judged).extracting(r -> r.criterion().name())
        .containsExactlyInAnyOrder("correctness", "harmfulness");
    assertThat(judged).allSatisfy(r -> assertThat(r.context()).isEqualTo("c"));
  }

  @Test
  void withTheJudgeSwitchedOffEveryRequestedCriterionIsCountedAsSkipped() {
    JudgeEvaluations.shutdown(Duration.ofSeconds(5));
    Llmops.configure(TestConfigs.isolated().addSink(sink).set(JudgeConfig.JUDGE, "none").build());
    TraceManager.startTrace("t");
    try (Span span = Llmops.generation("g").start()) {
      LlmopsContext context = LlmopsContext.current();
      new JudgeEvaluationHandler().evaluate(new EvaluationRequest(context.traceId(), span.spanId(),
          "g", "m", "q", "a", List.of("correctness", "relevance"), Map.of(), context));
    }
    TraceManager.endTrace();

    assertThat(JudgeEvaluations.runner()).isNull();
    assertThat(Llmops.stats().get(JudgeEvaluations.SKIPPED_COUNTER)).isEqualTo(2);
    assertThat(judged).isEmpty();
  }

  @Test
  void aGenerationThatWasNotRecordedIsNotJudged() {
    new JudgeEvaluationHandler().evaluate(new EvaluationRequest("", "", "g", "m", "q", "a",
        List.of("correctness"), Map.of()));
    assertThat(JudgeEvaluations.runner().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(judged).isEmpty();
  }
}
