package io.llmops.observability.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import org.junit.jupiter.api.Test;

/**
 * The README's manual generation around {@code bedrock.converse}, in an application whose
 * Bedrock client also carries the interceptor: one model call, one generation, its tokens and
 * cost counted once in the trace's totals.
 */
class OneCallOneGenerationTest extends BedrockTest {

  private static final String ANSWER = """
      {"output":{"message":{"role":"assistant","content":[{"text":"Java is a language."}]}},
       "stopReason":"end_turn",
       "usage":{"inputTokens":1500,"outputTokens":800,"totalTokens":2300}}""";

  @Test
  void aManualGenerationAroundAnInterceptedCallIsTheCallsOnlyGeneration() {
    bedrock.answer("converse", Answer.json(ANSWER));

    TraceManager.startTrace("rag");
    try (Span span = Llmops.generation("answer").model(SONNET).start()) {
      span.recordLlmResponse(client.converse(SyncAndAsyncCallsTest.converseRequest(SONNET)));
    }
    TraceManager.endTrace();

    JsonNode trace = traces().get(0);
    assertThat(trace.get("spans")).hasSize(1);
    JsonNode generation = trace.get("spans").get(0);
    assertThat(generation.get("span_name").asText()).isEqualTo("answer");
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(1_500);
    assertThat(generation.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    double cost = 1_500 * 3e-6 + 800 * 15e-6;
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(1_500);
    assertThat(trace.at("/token_usage/total_output_tokens").asLong()).isEqualTo(800);
    assertThat(trace.at("/cost/total_cost").asDouble()).isCloseTo(cost, offset(1e-12));
  }

  @Test
  void anInterceptedCallInsideAnAgentSpanIsItsOwnGeneration() {
    bedrock.answer("converse", Answer.json(ANSWER));

    TraceManager.startTrace("agent");
    try (Span agent = Llmops.agent("planner").start()) {
      client.converse(SyncAndAsyncCallsTest.converseRequest(SONNET));
    }
    TraceManager.endTrace();

    JsonNode trace = traces().get(0);
    assertThat(trace.get("spans")).hasSize(2);
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isEqualTo(1_500);
  }
}
