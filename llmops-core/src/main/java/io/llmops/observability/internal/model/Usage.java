package io.llmops.observability.internal.model;

import io.llmops.observability.internal.common.Saturating;

/**
 * Token counts of a generation. {@code inputTokens} includes cache reads and writes, {@code
 * outputTokens} includes reasoning; the last three are 0 when not reported. Sums saturate at
 * {@code Long.MAX_VALUE} instead of wrapping to negative. Internal.
 */
public record Usage(long inputTokens, long outputTokens, long totalTokens, long cacheReadTokens,
    long cacheWriteTokens, long reasoningTokens) {

  /**
   * More tokens than any one model call processes (the largest context windows hold a few
   * million): a count above it is a reader's or a provider's error, not usage.
   */
  public static final long MAX_PLAUSIBLE_TOKENS = 10_000_000_000L;

  public Usage(long inputTokens, long outputTokens, long totalTokens) {
    this(inputTokens, outputTokens, totalTokens, 0, 0, 0);
  }

  /** Usage whose total is input plus output, saturated. */
  public static Usage of(long inputTokens, long outputTokens, long cacheReadTokens,
      long cacheWriteTokens, long reasoningTokens) {
    return new Usage(inputTokens, outputTokens, Saturating.add(inputTokens, outputTokens), cacheReadTokens,
        cacheWriteTokens, reasoningTokens);
  }

  /** Whether every count lies between 0 and {@link #MAX_PLAUSIBLE_TOKENS} (the total: twice that). */
  public boolean plausible() {
    return plausible(inputTokens, 1) && plausible(outputTokens, 1) && plausible(totalTokens, 2)
        && plausible(cacheReadTokens, 1) && plausible(cacheWriteTokens, 1)
        && plausible(reasoningTokens, 1);
  }

  private static boolean plausible(long count, int bounds) {
    return count >= 0 && count <= bounds * MAX_PLAUSIBLE_TOKENS;
  }
}
