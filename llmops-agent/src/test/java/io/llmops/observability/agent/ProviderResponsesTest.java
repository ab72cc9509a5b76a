package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.ProviderCalls;
import io.llmops.observability.agent.testing.AgentTest;
import org.junit.jupiter.api.Test;

/** @TrackLlmCall return values go through the core's response readers and are priced. */
class ProviderResponsesTest extends AgentTest {

  private final ProviderCalls calls = new ProviderCalls();

  @Test
  void anAnthropicBodyReturnedAsTextGivesModelUsageStopReasonAndCost() {
    TraceManager.startTrace("claude");
    calls.invokeClaude("Capital of France?");
    TraceManager.endTrace();

    JsonNode span = span("invokeClaude");
    assertThat(span.get("model_id").asText()).isEqualTo("claude-3-haiku-20240307");
    assertThat(span.get("response").asText()).isEqualTo("Paris.");
    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(1200);
    assertThat(span.at("/metadata/llm.stop_reason").asText()).isEqualTo("end_turn");
    assertThat(span.at("/cost/total_cost").asDouble()).isCloseTo((1000 * 0.25 + 200 * 1.25) / 1e6, within(1e-12));
  }

  @Test
  void aFutureCompletingWithAnUnpricedModelsBodyHasUsageButNoCost() {
    TraceManager.startTrace("async");
    calls.openAiAsync("hi").join();
    TraceManager.endTrace();
    // join() may return before the completion callback that ends the span has run
    awaitTraces(1);

    JsonNode trace = onlyTrace();
    JsonNode span = span(trace, "openAiAsync");
    assertThat(span.get("model_id").asText()).isEqualTo("gpt-4o-mini");
    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(6);
    assertThat(span.get("cost").isNull()).isTrue();
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isEqualTo(6);
  }
}
