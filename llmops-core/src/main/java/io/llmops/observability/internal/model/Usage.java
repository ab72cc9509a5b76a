package io.llmops.observability.internal.model;

/**
 * Token counts of a generation. {@code inputTokens} includes cache reads and writes, {@code
 * outputTokens} includes reasoning; the last three are 0 when not reported. Internal.
 */
public record Usage(long inputTokens, long outputTokens, long totalTokens, long cacheReadTokens,
    long cacheWriteTokens, long reasoningTokens) {

  public Usage(long inputTokens, long outputTokens, long totalTokens) {
    this(inputTokens, outputTokens, totalTokens, 0, 0, 0);
  }
}
