package io.llmops.observability;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Token prices and cost calculation. The built-in table covers Amazon Bedrock's on-demand text
 * models (docs/LLM.md lists them with the table's effective date and source); entries from the
 * file named by {@code LLMOPS_PRICING_FILE} and from {@link #setPrice} take precedence.
 *
 * <p>Model ids are normalized before look-up: foundation-model and inference-profile ARNs are cut
 * to the model id, region and global inference-profile prefixes ({@code us.}, {@code eu.},
 * {@code apac.}, {@code global.}, ...) and version suffixes ({@code -v1:0}, {@code :0}) are
 * dropped, and a date-less or provider-less alias finds the dated model. An unknown model has no
 * cost: the cost methods return null (never zero) and log one warning per model id, and {@link
 * #price} returns an empty {@code Optional}. No method throws except IllegalArgumentException for
 * negative token counts or invalid prices, where the method says so. Costs are always finite:
 * prices are at most {@value ModelPrice#MAX_PER_MILLION} dollars per million tokens.
 *
 * <p>The prices are those of the running runtime: the price file of its configuration ({@link
 * Llmops#config()}; like every entry point, the first call configures the SDK from the
 * environment if nothing did before) and the prices set with {@link #setPrice} since it started.
 * {@link Llmops#configure} starts a new runtime with the prices of its own configuration: set
 * prices in code again after it. Generation spans are priced the same way when they end; see
 * docs/LLM.md.
 *
 * <p>Thread-safe: every method may be called from any thread; a price set with {@link #setPrice}
 * applies to every thread's later look-ups.
 */
public final class Pricing {

  private Pricing() {}

  /**
   * The total cost in US dollars of {@code inputTokens} prompt and {@code outputTokens} completion
   * tokens, or null when the model is null or unknown.
   *
   * @throws IllegalArgumentException when a token count is negative
   */
  public static @Nullable Double calculateCost(
      @Nullable String modelId, long inputTokens, long outputTokens) {
    CostBreakdown cost = calculateCost(modelId, inputTokens, outputTokens, 0, 0);
    return cost == null ? null : cost.totalCost();
  }

  /**
   * The cost by kind of token, or null when the model is null or unknown. {@code inputTokens}
   * counts every prompt token, cache reads and writes included (as span {@code usage} and {@link
   * LlmResponse} do); the uncached part is what remains after subtracting the cache tokens.
   *
   * @throws IllegalArgumentException when a token count is negative
   */
  public static @Nullable CostBreakdown calculateCost(@Nullable String modelId, long inputTokens,
      long outputTokens, long cacheReadTokens, long cacheWriteTokens) {
    requireCount("inputTokens", inputTokens);
    requireCount("outputTokens", outputTokens);
    requireCount("cacheReadTokens", cacheReadTokens);
    requireCount("cacheWriteTokens", cacheWriteTokens);
    return Engine.get().cost(modelId, inputTokens, outputTokens, cacheReadTokens,
        cacheWriteTokens);
  }

  /**
   * The cost of what {@code response} reports, or null without a response, a known model and
   * usage.
   *
   * @throws IllegalArgumentException when a token count of the response is negative (possible
   *     only in a response built by hand)
   */
  public static @Nullable CostBreakdown calculateCost(@Nullable LlmResponse response) {
    if (response == null || !response.hasUsage()) {
      return null;
    }
    return calculateCost(response.modelId(), zero(response.inputTokens()),
        zero(response.outputTokens()), zero(response.cacheReadTokens()),
        zero(response.cacheWriteTokens()));
  }

  /** The price in force for {@code modelId}; empty when the model is null or unknown. */
  public static Optional<ModelPrice> price(@Nullable String modelId) {
    return Optional.ofNullable(Engine.get().price(modelId));
  }

  /**
   * The key a model id is looked up by, e.g. {@code anthropic.claude-3-5-sonnet-20241022}; null
   * for null.
   */
  public static @Nullable String normalizeModelId(@Nullable String modelId) {
    return Engine.get().normalizeModelId(modelId);
  }

  /**
   * Sets (or replaces) the price of {@code modelId} in the running runtime; wins over the file
   * and the built-in table, until {@link Llmops#configure} replaces the runtime.
   *
   * @throws IllegalArgumentException when {@code modelId} is null or blank, or {@code price} is
   *     null
   */
  public static void setPrice(String modelId, ModelPrice price) {
    if (modelId == null || modelId.isBlank() || price == null) {
      throw new IllegalArgumentException("modelId and price are required");
    }
    Engine.get().setPrice(modelId, price);
  }

  /** Removes a price set with {@link #setPrice}; null or an id without one does nothing. */
  public static void removePrice(@Nullable String modelId) {
    if (modelId != null) {
      Engine.get().removePrice(modelId);
    }
  }

  private static void requireCount(String name, long count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + count);
    }
  }

  private static long zero(@Nullable Long value) {
    return value == null ? 0 : value;
  }

  /** The prices of the running runtime: built in, overlaid by LLMOPS_PRICING_FILE and setPrice. */}
