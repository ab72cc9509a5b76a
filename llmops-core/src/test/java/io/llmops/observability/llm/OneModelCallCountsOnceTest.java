package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One model call yields one generation, however many ways in see it: a generation started while
 * an open generation is current and has recorded no usage yet joins it (an interceptor inside a
 * manual span or an annotated method, a manual span inside an annotated method), so the call's
 * tokens and cost count once.
 */
class OneModelCallCountsOnceTest {

  private static final String MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** What an SDK interceptor does around the call: its own generation, usage and end. */
  private static void interceptedCall(LlmopsContext caller, long in, long out) {
    Span auto = Llmops.generation("bedrock.converse").parent(caller).model(MODEL)
        .metadata("llm.provider", "bedrock").startDetached();
    auto.setResponse("Java is a language.").setUsage(in, out);
    auto.end();
  }

  @Test
  void anInterceptedCallInsideAManualGenerationEnrichesItInsteadOfAddingOne() {
    TraceManager.startTrace("rag");
    String manualId;
    try (Span manual = Llmops.generation("answer").model(MODEL).start()) {
      manualId = manual.spanId();
      interceptedCall(LlmopsContext.current(), 1_500, 800);
      manual.setUsage(1_500, 800); // the README's manual span records the same response again
    }
    TraceManager.endTrace();

    List<JsonNode> generations = generations();
    assertThat(generations).hasSize(1);
    JsonNode generation = generations.get(0);
    assertThat(generation.get("span_id").asText()).isEqualTo(manualId);
    assertThat(generation.get("span_name").asText()).isEqualTo("answer");
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(1_500);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(800);
    assertThat(generation.get("response").asText()).isEqualTo("Java is a language.");
    assertThat(generation.at("/metadata/llm.provider").asText()).isEqualTo("bedrock");
    assertThat(generation.at("/cost/total_cost").asDouble()).isCloseTo(0.0165, offset(1e-9));
    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(1_500);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(800);
    assertThat(trace.at("/cost/total_cost").asDouble()).isCloseTo(0.0165, offset(1e-9));
  }

  @Test
  void theJoinedCallsEndDoesNotEndTheOpenGeneration() {
    TraceManager.startTrace("rag");
    try (Span manual = Llmops.generation("answer").start()) {
      interceptedCall(LlmopsContext.current(), 10, 5);
      assertThat(manual.isRecording()).isTrue();
      manual.setOutput("kept after the call");
    }
    TraceManager.endTrace();

    JsonNode generation = generations().get(0);
    assertThat(generation.at("/output_data/output").asText()).isEqualTo("kept after the call");
  }

  @Test
  void aManualGenerationInsideAnotherOneJoinsIt() {
    TraceManager.startTrace("rag");
    try (Span annotated = Llmops.generation("ask").start()) {
      try (Span manual = Llmops.generation("answer").model(MODEL).start()) {
        assertThat(manual.spanId()).isEqualTo(annotated.spanId());
        interceptedCall(LlmopsContext.current(), 100, 50);
      }
    }
    TraceManager.endTrace();

    assertThat(generations()).hasSize(1);
    assertThat(generations().get(0).at("/usage/input_tokens").asLong()).isEqualTo(100);
  }

  @Test
  void aSecondCallInsideOneGenerationIsItsOwnChildSoEachCountsOnce() {
    TraceManager.startTrace("agent");
    try (Span manual = Llmops.generation("plan").start()) {
      interceptedCall(LlmopsContext.current(), 100, 50);
      interceptedCall(LlmopsContext.current(), 30, 20);
    }
    TraceManager.endTrace();

    List<JsonNode> generations = generations();
    assertThat(generations).hasSize(2);
    long input = 0;
    for (JsonNode generation : generations) {
      input += generation.at("/usage/input_tokens").asLong();
    }
    assertThat(input).isEqualTo(130);
  }

  @Test
  void aGenerationUnderAnotherSpanTypeIsItsOwnSpan() {
    TraceManager.startTrace("agent");
    try (Span agent = Llmops.agent("planner").start()) {
      interceptedCall(LlmopsContext.current(), 100, 50);
    }
    TraceManager.endTrace();

    assertThat(generations()).hasSize(1);
    assertThat(Exported.onlyTrace(sink).get("spans")).hasSize(2);
  }

  @Test
  void joinsAreCounted() {
    TraceManager.startTrace("rag");
    try (Span manual = Llmops.generation("answer").start()) {
      interceptedCall(LlmopsContext.current(), 1, 1);
    }
    TraceManager.endTrace();

    assertThat(Llmops.stats().get("generations.joined")).isEqualTo(1);
  }

  private List<JsonNode> generations() {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode span : Exported.onlyTrace(sink).get("spans")) {
      if (span.get("span_type").asText().equalsIgnoreCase(SpanType.GENERATION.name())) {
        out.add(span);
      }
    }
    return out;
  }
}
