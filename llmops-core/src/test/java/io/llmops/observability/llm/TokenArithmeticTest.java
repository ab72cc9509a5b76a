package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.CostBreakdown;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token counts near the limits of a long never turn negative, and counts or costs no single model
 * call can reach never reach the wire: the span keeps none and says why.
 */
class TokenArithmeticTest {

  private static final long MAX = Long.MAX_VALUE;
  private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

  @AfterEach
  void shutdown() {
    Pricing.removePrice("acme.gold-plated-v1:0");
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private static String converse(long input, long cacheRead, long output) {
    return "{\"output\":{\"message\":{\"content\":[{\"text\":\"hi\"}]}},\"stopReason\":\"end_turn\","
        + "\"usage\":{\"inputTokens\":" + input + ",\"cacheReadInputTokens\":" + cacheRead
        + ",\"outputTokens\":" + output + "}}";
  }

  /** The only span of the only trace exported after {@code body} ran in a generation span. */
  private static JsonNode exportedGeneration(String model, Consumer<Span> body) {
    CollectingSink sink = new CollectingSink();
    Llmops.configure(TestConfigs.isolated().defaultModelId(HAIKU).addSink(sink).build());
    TraceManager.startTrace("t");
    try (Span llm = Llmops.generation("llm").model(model).start()) {
      body.accept(llm);
    }
    TraceManager.endTrace();
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
    assertThat(trace.at("/token_usage/total_input_tokens").asLong()).isNotNegative();
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isNotNegative();
    assertThat(trace.at("/cost/total_cost").isNumber()).isTrue();
    return DecodedTraces.spansByName(trace).get("llm");
  }

  @Test
  void cacheAndInputCountsAtTheLongLimitSaturateInsteadOfTurningNegative() {
    LlmResponse read = LlmResponse.read(converse(MAX, MAX, 5));

    assertThat(read.inputTokens()).isEqualTo(MAX);
    assertThat(read.totalTokens()).isEqualTo(MAX);
    assertThat(read.cacheReadTokens()).isEqualTo(MAX);
  }

  @Test
  void geminiThoughtsAddedToCandidatesSaturate() {
    LlmResponse read = LlmResponse.read("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\"}]}}],"
        + "\"usageMetadata\":{\"promptTokenCount\":1,\"candidatesTokenCount\":" + MAX
        + ",\"thoughtsTokenCount\":" + MAX + "}}");

    assertThat(read.outputTokens()).isEqualTo(MAX);
    assertThat(read.totalTokens()).isEqualTo(MAX);
  }

  @Test
  void aBuiltResponseSaturatesItsTotal() {
    LlmResponse built = LlmResponse.builder().inputTokens(MAX).outputTokens(MAX).build();

    assertThat(built.totalTokens()).isEqualTo(MAX);
  }

  @Test
  void aRecordedResponseWithImplausibleCountsLeavesNoUsageNoCostAndSaysWhy() {
    JsonNode span = exportedGeneration(HAIKU, llm -> llm.recordLlmResponse(converse(MAX, MAX, 5)));

    assertThat(span.get("usage").isNull()).isTrue();
    assertThat(span.get("cost").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.usage_implausible").asBoolean()).isTrue();
    assertThat(span.get("response").asText()).isEqualTo("hi");
    assertThat(Llmops.stats().get("dropped.llm_usage_implausible")).isEqualTo(1);
  }

  @Test
  void tenBillionTokensInOneCallIsPlausibleButOneMoreIsNot() {
    JsonNode atBound = exportedGeneration(HAIKU, llm -> llm.setUsage(10_000_000_000L, 0));
    assertThat(atBound.at("/usage/input_tokens").asLong()).isEqualTo(10_000_000_000L);
    assertThat(atBound.at("/metadata/llm.usage_implausible").isMissingNode()).isTrue();

    JsonNode above = exportedGeneration(HAIKU, llm -> llm.setUsage(10_000_000_001L, 0));
    assertThat(above.get("usage").isNull()).isTrue();
    assertThat(above.at("/metadata/llm.usage_implausible").asBoolean()).isTrue();
  }

  @Test
  void setUsageWithHugeCountsNeverExportsANegativeTotal() {
    JsonNode span = exportedGeneration(HAIKU, llm -> llm.setUsage(MAX, MAX));

    assertThat(span.get("usage").isNull()).isTrue();
    assertThat(span.get("cost").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.usage_implausible").asBoolean()).isTrue();
  }

  @Test
  void aLaterPlausibleUsageReplacesAnImplausibleOneAndItsMark() {
    JsonNode span = exportedGeneration(HAIKU, llm -> llm.setUsage(MAX, 1).setUsage(1000, 1000));

    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(2000);
    assertThat(span.at("/metadata/llm.usage_implausible").isMissingNode()).isTrue();
    assertThat(span.at("/cost/total_cost").asDouble()).isPositive();
  }

  @Test
  void aResponseBuiltWithNegativeCountsNeverReachesTheWire() {
    JsonNode span = exportedGeneration(HAIKU, llm -> llm.recordLlmResponse(
        LlmResponse.builder().inputTokens(-5L).outputTokens(3L).cacheReadTokens(-1L).build()));

    assertThat(span.get("usage").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.usage_implausible").asBoolean()).isTrue();
  }

  @Test
  void costsWhoseSumIsNotFiniteAreNeverExported() {
    JsonNode span = exportedGeneration(HAIKU, llm ->
        llm.setUsage(1000, 1000).setCost(Double.MAX_VALUE, Double.MAX_VALUE));

    assertThat(span.get("cost").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.cost_implausible").asBoolean()).isTrue();
    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(2000);
    assertThat(Llmops.stats().get("dropped.llm_cost_implausible")).isEqualTo(1);
  }

  @Test
  void aComputedCostAboveAMillionDollarsIsNotKept() {
    JsonNode span = exportedGeneration("acme.gold-plated-v1:0", llm -> {
      // prices set in code belong to the runtime exportedGeneration configures
      Pricing.setPrice("acme.gold-plated-v1:0", ModelPrice.perMillion(900_000, 900_000));
      llm.setUsage(1_000_000, 200_000);
    });

    assertThat(span.get("cost").isNull()).isTrue();
    assertThat(span.at("/metadata/llm.cost_implausible").asBoolean()).isTrue();
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(1_000_000);
  }

  @Test
  void pricingNeverCountsCacheTokensThatOverflowAsUncachedInput() {
    CostBreakdown cost = Pricing.calculateCost(HAIKU, 5, 0, MAX, MAX);

    assertThat(cost.inputCost()).isZero();
    assertThat(cost.totalCost()).isFinite().isPositive();
  }

  @Test
  void pricingRejectsNegativeCountsNamingTheArgument() {
    assertThatThrownBy(() -> Pricing.calculateCost(HAIKU, -1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputTokens");
    assertThatThrownBy(() -> Pricing.calculateCost(HAIKU, 0, 0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheWriteTokens");
  }

  @Test
  void aPriceAboveAMillionDollarsPerMillionTokensIsRefused() {
    assertThatThrownBy(() -> ModelPrice.perMillion(Double.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputPerMillion");
    assertThatThrownBy(() -> ModelPrice.perMillion(1, 1, 1, 1e7))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheWritePerMillion");
    assertThat(ModelPrice.perMillion(1_000_000, 1).inputPerMillion()).isEqualTo(1_000_000);
  }

  @Test
  void everyPricingResultIsFiniteEvenAtTheLongLimit() {
    Pricing.setPrice("acme.gold-plated-v1:0", ModelPrice.perMillion(1_000_000, 1_000_000, 1_000_000, 1_000_000));

    CostBreakdown cost = Pricing.calculateCost("acme.gold-plated-v1:0", MAX, MAX, MAX, MAX);

    assertThat(cost.totalCost()).isFinite();
    assertThat(Pricing.calculateCost(LlmResponse.builder().modelId("acme.gold-plated-v1:0")
        .inputTokens(MAX).outputTokens(MAX).cacheReadTokens(MAX).build()).totalCost()).isFinite();
  }
}
