package io.llmops.observability.internal.pricing;

import io.llmops.observability.CostBreakdown;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.internal.model.Cost;
import io.llmops.observability.internal.model.Usage;

/** Usage and cost of generation spans, computed when a span ends. Never throws. Internal. */
public final class GenerationCost {

  private GenerationCost() {}

  /**
   * The span cost of {@code usage} for {@code modelId} under {@code prices}, or null for an
   * unknown model.
   */
  public static Cost of(PriceTable prices, String modelId, Usage usage) {
    try {
      CostBreakdown cost = prices.cost(modelId,
          usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(),
          usage.cacheWriteTokens(), true);
      return cost == null ? null : Cost.of(cost.promptCost(), cost.outputCost());
    } catch (RuntimeException e) {
      SdkLog.errorOnce("generation-cost", "llmops: could not compute a generation's cost", e);
      return null;
    }
  }

  /** The span usage a response reports, or null when it reports none. */
  public static Usage usage(LlmResponse r) {
    if (r.inputTokens() == null && r.outputTokens() == null) {
      return null;
    }
    return Usage.of(zero(r.inputTokens()), zero(r.outputTokens()), zero(r.cacheReadTokens()),
        zero(r.cacheWriteTokens()), zero(r.reasoningTokens()));
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }
}
