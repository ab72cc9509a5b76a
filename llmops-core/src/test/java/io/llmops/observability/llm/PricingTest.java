package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.llmops.observability.CostBreakdown;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import io.llmops.observability.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PricingTest {

  @AfterEach
  void removeOverrides() {
    Pricing.removePrice("acme.model-v1:0");
    Pricing.removePrice("anthropic.claude-3-haiku-20240307-v1:0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "us.anthropic.claude-3-5-sonnet-20241022-v2:0, anthropic.claude-3-5-sonnet-20241022",
      "eu.anthropic.claude-3-7-sonnet-20250219-v1:0, anthropic.claude-3-7-sonnet-20250219",
      "apac.anthropic.claude-sonnet-4-20250514-v1:0, anthropic.claude-sonnet-4-20250514",
      "global.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5-20250929",
      "us-gov.anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-3-haiku-20240307",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-3-haiku-20240307",
      "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.amazon.nova-pro-v1:0, amazon.nova-pro",
      "anthropic.claude-3-5-sonnet-20241022-v2:0:200k, anthropic.claude-3-5-sonnet-20241022",
      "Amazon.Titan-Text-Express-V1, amazon.titan-text-express",
      "meta.llama3-70b-instruct-v1:0, meta.llama3-70b-instruct",
      "us.anthropic.claude-sonnet-4-6, anthropic.claude-sonnet-4-6",
      "global.anthropic.claude-opus-4-6-v1, anthropic.claude-opus-4-6",
      "eu.anthropic.claude-opus-4-8, anthropic.claude-opus-4-8",
      "us.mistral.mistral-large-3-675b-instruct, mistral.mistral-large-3-675b-instruct",
      "ai21.j2-grande-instruct, ai21.j2-grande-instruct",
  })
  void modelIdsAreNormalized(String modelId, String key) {
    assertThat(Pricing.normalizeModelId(modelId)).isEqualTo(key);
    assertThat(Pricing.price(modelId)).isPresent();
  }

  @Test
  void dateLessAndProviderLessSpellingsFindTheModel() {
    assertThat(Pricing.price("claude-3-5-sonnet-20241022")).isPresent();
    assertThat(Pricing.price("anthropic.claude-sonnet-4-5")).isPresent();
    assertThat(Pricing.price("us.anthropic.claude-haiku-4-5-v1:0")).isPresent();
    assertThat(Pricing.price("nova-pro-v1:0")).isPresent();
  }

  @Test
  void theSpecificationsExampleIsThreePlusFifteenDollarsPerMillion() {
    // 1,500 x $3/M + 800 x $15/M (the specification's printed $0.0075 contradicts its own prices)
    assertThat(Pricing.calculateCost("anthropic.claude-3-sonnet-20240229-v1:0", 1500, 800))
        .isCloseTo(0.0165, within(1e-12));
  }

  @Test
  void cacheReadsAndWritesArePricedApartFromUncachedInput() {
    CostBreakdown cost = Pricing.calculateCost("us.anthropic.claude-3-7-sonnet-20250219-v1:0",
        10_000, 1_000, 6_000, 2_000);
    assertThat(cost.inputCost()).isCloseTo(2_000 * 3.00 / 1e6, within(1e-12));
    assertThat(cost.cacheReadCost()).isCloseTo(6_000 * 0.30 / 1e6, within(1e-12));
    assertThat(cost.cacheWriteCost()).isCloseTo(2_000 * 3.75 / 1e6, within(1e-12));
    assertThat(cost.outputCost()).isCloseTo(1_000 * 15.00 / 1e6, within(1e-12));
    assertThat(cost.totalCost()).isCloseTo(cost.promptCost() + cost.outputCost(), within(1e-15));

    // a model without separate cache prices charges cache tokens as input
    CostBreakdown haiku = Pricing.calculateCost("anthropic.claude-3-haiku-20240307-v1:0", 1000, 0, 400, 0);
    assertThat(haiku.totalCost()).isCloseTo(1000 * 0.25 / 1e6, within(1e-15));
  }

  @Test
  void anLlmResponseIsPricedFromItsOwnModelAndUsage() {
    LlmResponse response = LlmResponse.read(Fixtures.text("anthropic-messages.json"));
    CostBreakdown cost = Pricing.calculateCost(response);
    assertThat(cost.cacheWriteCost()).isCloseTo(2051 * 3.75 / 1e6, within(1e-12));
    assertThat(cost.inputCost()).isCloseTo(2095 * 3.00 / 1e6, within(1e-12));
  }

  @Test
  void unknownModelsHaveNoCostNotZero() {
    assertThat(Pricing.calculateCost("acme.model-v1:0", 100, 100)).isNull();
    assertThat(Pricing.calculateCost("acme.model-v1:0", 100, 100, 0, 0)).isNull();
    assertThat(Pricing.calculateCost((String) null, 100, 100)).isNull();
    assertThat(Pricing.calculateCost("arn:aws:bedrock:us-east-1:123:application-inference-profile/abc123", 1, 1)).isNull();
    assertThat(Pricing.price("")).isEmpty();
  }

  @Test
  void anUnknownModelIsNamedOnceInTheLogWithHowToPriceIt() {
    try (CapturedLog log = CapturedLog.open()) {
      Pricing.calculateCost("acme.named-once-v1:0", 100, 100);
      Pricing.calculateCost("acme.named-once-v1:0", 100, 100);

      assertThat(log.text()).containsOnlyOnce("no price for model 'acme.named-once-v1:0'")
          .contains("LLMOPS_PRICING_FILE or Pricing.setPrice");
    }
  }

  @Test
  void pricesSetInCodeWinAndCanBeRemoved() {
    Pricing.setPrice("acme.model-v1:0", ModelPrice.perMillion(1.0, 2.0));
    assertThat(Pricing.calculateCost("us.acme.model-v1:0", 1_000_000, 1_000_000)).isCloseTo(3.0, within(1e-12));
    Pricing.setPrice("anthropic.claude-3-haiku-20240307-v1:0", ModelPrice.perMillion(0.2, 1.0, 0.02, 0.25));
    assertThat(Pricing.price("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow().inputPerMillion()).isEqualTo(0.2);
    Pricing.removePrice("anthropic.claude-3-haiku-20240307-v1:0");
    assertThat(Pricing.price("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow().inputPerMillion()).isEqualTo(0.25);
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> Pricing.calculateCost("m", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelPrice.perMillion(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelPrice.perMillion(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pricing.setPrice(" ", ModelPrice.perMillion(1, 1))).isInstanceOf(IllegalArgumentException.class);
  }
}
