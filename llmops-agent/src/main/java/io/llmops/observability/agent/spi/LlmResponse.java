package io.llmops.observability.agent.spi;

/**
 * The parts of a model response a generation span records. Any component may be null when the
 * response does not carry it.
 *
 * @param text the response text
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 */
public record LlmResponse(String text, Long inputTokens, Long outputTokens) {

  /** A response with text only. */
  public static LlmResponse text(String text) {
    return new LlmResponse(text, null, null);
  }

  /** Whether both token counts are known. */
  public boolean hasUsage() {
    return inputTokens != null && outputTokens != null;
  }
}
