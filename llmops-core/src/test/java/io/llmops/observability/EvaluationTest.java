package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class EvaluationTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** The specification's REST-downstream example: the evaluation nests under the client span. */
  @Test
  void anEvaluationRecordedInsideAFunctionSpanIsItsChild() {
    TraceManager.startTrace("rest_downstream_quality");
    String[] recorded = new String[1];
    Map<String, Object> data = Llmops.span("call_status_service").call(() -> {
      boolean healthy = true;
      recorded[0] = Evaluation.builder()
          .name("status_service_eval")
          .score(healthy ? 1.0 : 0.0)
          .label(healthy ? "healthy" : "unhealthy")
          .rationale("HTTP and payload checks passed.")
          .evaluatorMetadata(Map.of("method", "rules_v1"))
          .record();
      return Map.of("ok", healthy);
    });
    TraceManager.finalizeTrace().name("rest_downstream_quality").input(Map.of()).output(Map.of()).send();
    assertThat(data).containsEntry("ok", true);

    JsonNode trace = Exported.onlyTrace(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode function = spans.get("call_status_service");
    JsonNode evaluation = spans.get("status_service_eval");
    assertThat(evaluation.get("span_type").asText()).isEqualTo("evaluation");
    assertThat(evaluation.get("span_id").asText()).isEqualTo(recorded[0]);
    assertThat(DecodedTraces.parentOf(evaluation)).isEqualTo(function.get("span_id").asText());
    JsonNode payload = evaluation.at("/input_data/evaluation");
    assertThat(payload.get("name").asText()).isEqualTo("status_service_eval");
    assertThat(payload.get("score").asDouble()).isEqualTo(1.0);
    assertThat(payload.get("label").asText()).isEqualTo("healthy");
    assertThat(payload.get("rationale").asText()).isEqualTo("HTTP and payload checks passed.");
    assertThat(payload.get("trace_id").asText()).isEqualTo(trace.get("trace_id").asText());
    assertThat(payload.get("parent_span_id").asText()).isEqualTo(function.get("span_id").asText());
    assertThat(payload.get("evaluated_span_id").isNull()).isTrue();
    assertThat(evaluation.at("/metadata/evaluator/method").asText()).isEqualTo("rules_v1");
    assertThat(evaluation.at("/metadata/environment").asText()).isEqualTo("test");
    assertThat(evaluation.get("status").asText()).isEqualTo("success");
  }

  /** The specification's async example: no name, an explicit evaluated span id, another thread. */
  @Test
  void anEvaluationFromAnotherThreadCarriesTheEvaluatedSpanIdAndTheDefaultName() throws Exception {
    TraceManager.startTrace("async_eval");
    Map<String, Object> resp = Map.of("status_code", 200, "span_id", "http_span_1");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    String id = CompletableFuture.supplyAsync(() -> {
      boolean ok = Integer.valueOf(200).equals(resp.get("status_code"));
      return Evaluation.builder()
          .score(ok ? 1.0 : 0.0)
          .label(ok ? "pass" : "fail")
          .rationale("HTTP status was " + resp.get("status_code"))
          .evaluatedSpanId((String) resp.get("span_id"))
          .evaluatorMetadata(Map.of("type", "rules", "name", "http_health_check"))
          .record();
    }, LlmopsContext.current().wrap(pool)).get(10, TimeUnit.SECONDS);
    pool.shutdown();
    TraceManager.finalizeTrace().name("async_eval").input(Map.of()).output(Map.of()).send();

    JsonNode evaluation = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(evaluation.get("span_id").asText()).isEqualTo(id);
    assertThat(evaluation.get("span_name").asText()).isEqualTo(Evaluation.DEFAULT_NAME);
    assertThat(DecodedTraces.parentOf(evaluation)).isNull();
    assertThat(evaluation.at("/input_data/evaluation/evaluated_span_id").asText())
        .isEqualTo("http_span_1");
    assertThat(evaluation.at("/input_data/evaluation/label").asText()).isEqualTo("pass");
    assertThat(evaluation.at("/metadata/evaluator/name").asText()).isEqualTo("http_health_check");
  }

  @Test
  void aBuilderWithAnExplicitParentRecordsUnderThatSpanFromAnyThread() throws Exception {
    TraceManager.startTrace("judged");
    LlmopsContext generation;
    String generationId;
    try (Span llm = Llmops.generation("answer").start()) {
      generation = LlmopsContext.current();
      generationId = llm.spanId();
      Evaluation verdict = Evaluation.builder().name("correctness").score(0.8).label("correct")
          .evaluatedSpanId(generationId).parent(generation)
          .evaluatorMetadata(Map.of("judge", "ollama", "temperature", 0.0)).build();
      ExecutorService pool = Executors.newSingleThreadExecutor(); // no context carried
      try {
        assertThat(pool.submit(() -> Llmops.recordEvaluation(verdict)).get(10, TimeUnit.SECONDS))
            .isNotNull();
      } finally {
        pool.shutdown();
      }
    }
    TraceManager.endTrace();

    JsonNode evaluation = DecodedTraces.spansByName(Exported.onlyTrace(sink)).get("correctness");
    assertThat(DecodedTraces.parentOf(evaluation)).isEqualTo(generationId);
    assertThat(evaluation.at("/input_data/evaluation/evaluated_span_id").asText())
        .isEqualTo(generationId);
    assertThat(evaluation.at("/input_data/evaluation/rationale").isNull()).isTrue();
    assertThat(evaluation.at("/metadata/evaluator/temperature").asDouble()).isEqualTo(0.0);
  }

  @Test
  void withoutATraceNothingIsRecordedAndTheResultIsNull() {
    assertThat(Evaluation.builder().name("orphan").score(1.0).record()).isNull();
    TraceManager.startTrace("done");
    TraceManager.endTrace();
    assertThat(Llmops.recordEvaluation(Evaluation.builder().label("late").build())).isNull();
    assertThat(Exported.flushed(sink)).hasSize(1);
    assertThat(Exported.onlyTrace(sink).get("spans")).isEmpty();
  }

  @Test
  void anEvaluationOfASpanWhoseTraceWasSentGoesOutAsALateSegmentOfThatTrace() {
    TraceManager.newTrace("answered").metadata("team", "search").start();
    LlmopsContext generation;
    String generationId;
    try (Span llm = Llmops.generation("answer").start()) {
      generation = LlmopsContext.current();
      generationId = llm.spanId();
    }
    String traceId = TraceManager.currentTraceId();
    TraceManager.endTrace();
    assertThat(Exported.flushed(sink)).hasSize(1);

    String id = Llmops.recordEvaluation(Evaluation.builder().name("correctness").score(1.0)
        .evaluatedSpanId(generationId).parent(generation).build());

    assertThat(id).isNotNull();
    List<JsonNode> traces = DecodedTraces.of(Exported.flushed(sink));
    assertThat(traces).hasSize(2);
    JsonNode late = traces.get(1);
    assertThat(late.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(late.get("is_child_segment").asBoolean()).isTrue();
    assertThat(late.get("segment_id").asText()).isNotBlank();
    assertThat(late.at("/metadata/team").asText()).isEqualTo("search");
    assertThat(traces.get(0).get("is_child_segment").asBoolean()).isFalse();
    assertThat(traces.get(0).has("segment_id")).isFalse();
    assertThat(late.get("idempotency_key").asText())
        .isNotEqualTo(traces.get(0).get("idempotency_key").asText());
    JsonNode evaluation = late.get("spans").get(0);
    assertThat(late.get("spans")).hasSize(1);
    assertThat(evaluation.get("span_id").asText()).isEqualTo(id);
    assertThat(DecodedTraces.parentOf(evaluation)).isEqualTo(generationId);
    assertThat(evaluation.at("/input_data/evaluation/evaluated_span_id").asText())
        .isEqualTo(generationId);
    assertThat(sink.violations()).isEmpty();
    assertThat(Llmops.stats().counters()).containsEntry("traces.late_segments", 1L)
        .doesNotContainKey("spans.late");
  }

  @Test
  void withTracingDisabledTheResultIsNull() {
    Llmops.configure(TestConfigs.isolated().enabled(false).build());
    TraceManager.startTrace("off");
    assertThat(Evaluation.builder().name("eval").score(1.0).label("ok").rationale("fine").record())
        .isNull();
  }

  static Stream<Arguments> invalidEvaluations() {
    Map<Object, Object> integerKey = new HashMap<>();
    integerKey.put(1, "one");
    Map<String, Object> nested = new HashMap<>();
    nested.put("inner", Map.of("thread", new Object()));
    return Stream.of(
        Arguments.of("NaN score", (Consumer<Evaluation.Builder>) b -> b.score(Double.NaN), "score"),
        Arguments.of("infinite score",
            (Consumer<Evaluation.Builder>) b -> b.score(Double.POSITIVE_INFINITY), "score"),
        Arguments.of("empty label", (Consumer<Evaluation.Builder>) b -> b.score(1.0).label(""), "label"),
        Arguments.of("blank rationale",
            (Consumer<Evaluation.Builder>) b -> b.label("ok").rationale("  "), "rationale"),
        Arguments.of("nothing", (Consumer<Evaluation.Builder>) b -> b.name("empty"),
            "at least one of score, label or rationale"),
        Arguments.of("blank name", (Consumer<Evaluation.Builder>) b -> b.name(" ").score(1.0), "name"),
        Arguments.of("blank evaluated span id",
            (Consumer<Evaluation.Builder>) b -> b.score(1.0).evaluatedSpanId(""), "evaluatedSpanId"),
        Arguments.of("non-string metadata key",
            (Consumer<Evaluation.Builder>) b -> b.score(1.0).evaluatorMetadata(integerKey),
            "evaluatorMetadata keys must be strings"),
        Arguments.of("unsupported metadata value",
            (Consumer<Evaluation.Builder>) b -> b.score(1.0).evaluatorMetadata(nested),
            "evaluatorMetadata.inner.thread"),
        Arguments.of("non-finite metadata number",
            (Consumer<Evaluation.Builder>) b -> b.score(1.0)
                .evaluatorMetadata(Map.of("threshold", Double.NaN)),
            "evaluatorMetadata.threshold"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEvaluations")
  void invalidInputIsRejectedWithAMessageNamingTheField(
      String what, Consumer<Evaluation.Builder> setup, String expected) {
    TraceManager.startTrace("validation");
    assertThatThrownBy(() -> {
      Evaluation.Builder builder = Evaluation.builder();
      setup.accept(builder);
      Llmops.recordEvaluation(builder.build());
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    TraceManager.endTrace();
  }

  @Test
  void recordValidatesLikeBuildAndRecordsNothingWhenInvalid() {
    TraceManager.startTrace("validation");
    assertThatThrownBy(() -> Evaluation.builder().name("e").score(Double.NaN).record())
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
    assertThatThrownBy(() -> Evaluation.builder().name("e").record())
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score, label or rationale");
    TraceManager.endTrace();
    assertThat(Exported.onlyTrace(sink).get("spans")).isEmpty();
  }

  @Test
  void recordingANullEvaluationIsIgnoredAndCountedLikeAnyRuntimeCall() {
    TraceManager.startTrace("runtime");
    assertThat(Llmops.recordEvaluation(null)).isNull();
    TraceManager.endTrace();

    assertThat(Llmops.stats().get("invalid_argument.recordEvaluation")).isEqualTo(1);
    assertThat(Exported.onlyTrace(sink).get("spans")).isEmpty();
  }

  @Test
  void aValidationMessageNamesTheFieldButNeverEchoesTheValue() {
    assertThatThrownBy(() -> Evaluation.builder().score(Double.NEGATIVE_INFINITY).build())
        .hasMessageContaining("score").hasMessageNotContaining("Infinity");
    assertThatThrownBy(() -> Evaluation.builder().label("x")
        .evaluatorMetadata(Map.of("threshold", Double.NaN)).build())
        .hasMessageContaining("evaluatorMetadata.threshold").hasMessageNotContaining("NaN");
  }

  @Test
  void secretsInTheRationaleAndEvaluatorMetadataAreRedacted() {
    TraceManager.startTrace("redacted_eval");
    Evaluation.builder().name("judge").score(0.5).label("partial")
        .rationale("called https://judge.example.com/v1?api_key=evalSecret123456 and it was fine")
        .evaluatorMetadata(Map.of("judge_api_key", "evalSecret654321", "model", "gpt-judge"))
        .record();
    TraceManager.endTrace();
    String everything = Exported.everything(Exported.flushed(sink).get(0));
    assertThat(everything).doesNotContain("evalSecret123456").doesNotContain("evalSecret654321")
        .contains("judge.example.com").contains("gpt-judge");
  }

  @Test
  void concurrentEvaluationsAcrossManyTracesEachReachTheirOwnTrace() throws Exception {
    int threads = 8;
    int tracesPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < tracesPerThread; i++) {
            TraceManager.startTrace("eval-" + thread + "-" + i);
            try (Span llm = Llmops.generation("answer").start()) {
              for (int e = 0; e < 3; e++) {
                assertThat(Evaluation.builder().name("check" + e).score((double) e).label("l" + e)
                    .evaluatedSpanId(llm.spanId()).evaluatorMetadata(Map.of("thread", thread))
                    .record()).isNotNull();
              }
            }
            TraceManager.endTrace();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    Map<String, JsonNode> traces = DecodedTraces.byTraceId(Exported.flushed(sink));
    assertThat(traces).hasSize(threads * tracesPerThread);
    for (JsonNode trace : traces.values()) {
      List<JsonNode> evaluations = DecodedTraces.spansOfType(trace, "evaluation");
      String generation = DecodedTraces.spansOfType(trace, "generation").get(0).get("span_id").asText();
      assertThat(evaluations).hasSize(3).allSatisfy(e -> {
        assertThat(e.at("/input_data/evaluation/trace_id").asText())
            .isEqualTo(trace.get("trace_id").asText());
        assertThat(DecodedTraces.parentOf(e)).isEqualTo(generation);
        assertThat(e.at("/input_data/evaluation/evaluated_span_id").asText()).isEqualTo(generation);
      });
    }
  }
}
