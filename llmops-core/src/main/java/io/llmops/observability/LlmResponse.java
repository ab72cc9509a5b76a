package io.llmops.observability;

import io.llmops.observability.internal.llm.ResponseReaders;
import io.llmops.observability.internal.model.Usage;
import java.util.List;

/**
 * What a model response says about a generation, in one provider-neutral shape. Every component
 * may be null when the response does not carry it.
 *
 * <p>Token counts follow one convention whatever the provider: {@code inputTokens} counts every
 * prompt token the model processed, <em>including</em> cache reads and cache writes (which are
 * also reported on their own); {@code outputTokens} includes reasoning tokens (also reported on
 * their own); {@code totalTokens} is their sum. See docs/LLM.md for how each provider's fields map.
 *
 * <p>Reading is bounded (docs/LLM.md, "Large responses"): the text, an echoed prompt and each
 * tool call's arguments keep their first 65,536 characters, and a longer one ends with
 * {@code …[truncated: N chars]}; {@code incomplete} says when more than that was left out.
 *
 * @param format the recognized response format, e.g. {@code bedrock.converse}, {@code openai.chat}
 * @param modelId the model id the response names, if any
 * @param inputTokens prompt tokens, cache reads and writes included
 * @param outputTokens completion tokens, reasoning included
 * @param totalTokens input plus output
 * @param cacheReadTokens prompt tokens read from a prompt cache
 * @param cacheWriteTokens prompt tokens written to a prompt cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param prompt the prompt text, when the response echoes it
 * @param text the response text (text parts concatenated)
 * @param stopReason why generation stopped, in the provider's words
 * @param toolCalls tools the model asked to call, never null
 * @param incomplete null when the whole response was read; otherwise why not: {@value
 *     #INCOMPLETE_TOO_LARGE}, {@value #INCOMPLETE_LIMITS} or {@value #INCOMPLETE_FAILED}
 */
public record LlmResponse(
    String format,
    String modelId,
    Long inputTokens,
    Long outputTokens,
    Long totalTokens,
    Long cacheReadTokens,
    Long cacheWriteTokens,
    Long reasoningTokens,
    String prompt,
    String text,
    String stopReason,
    List<ToolCall> toolCalls,
    String incomplete) {

  /** JSON text above the size limit: not parsed at all, so nothing else is known. */
  public static final String INCOMPLETE_TOO_LARGE = "too_large";
  /** Parts beyond the reading limits (elements, nesting, events, tool calls) were skipped. */
  public static final String INCOMPLETE_LIMITS = "limits";
  /** Reading failed (for example the JVM ran out of memory); nothing else is known. */
  public static final String INCOMPLETE_FAILED = "failed";

  public LlmResponse {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** A response read whole ({@code incomplete} null); the constructor of earlier versions. */
  public LlmResponse(String format, String modelId, Long inputTokens, Long outputTokens,
      Long totalTokens, Long cacheReadTokens, Long cacheWriteTokens, Long reasoningTokens,
      String prompt, String text, String stopReason, List<ToolCall> toolCalls) {
    this(format, modelId, inputTokens, outputTokens, totalTokens, cacheReadTokens,
        cacheWriteTokens, reasoningTokens, prompt, text, stopReason, toolCalls, null);
  }

  /**
   * A tool call the model requested.
   *
   * @param id the provider's call id, if any
   * @param name the tool name
   * @param arguments the arguments as JSON text, if any
   */
  public record ToolCall(String id, String name, String arguments) {}

  /**
   * Reads {@code response}: JSON text, a Jackson {@code JsonNode}, a {@code java.util.Map}, a list
   * of stream events, or any type a registered {@link io.llmops.observability.spi.LlmResponseReader}
   * understands. Plain non-JSON text is read as the response text. Returns null when the value is
   * not understood, and a response with only {@link #incomplete()} set when it could not be read
   * at all (JSON text above the size limit, or a failure); never throws, whatever it is given.
   */
  public static LlmResponse read(Object response) {
    return ResponseReaders.read(response);
  }

  /** A response carrying text only. */
  public static LlmResponse ofText(String text) {
    return builder().text(text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether input or output token counts are known. */
  public boolean hasUsage() {
    return inputTokens != null || outputTokens != null;
  }

  /** A builder; unset components stay null. */
  public static final class Builder {
    private String format;
    private String modelId;
    private Long inputTokens;
    private Long outputTokens;
    private Long totalTokens;
    private Long cacheReadTokens;
    private Long cacheWriteTokens;
    private Long reasoningTokens;
    private String prompt;
    private String text;
    private String stopReason;
    private List<ToolCall> toolCalls;
    private String incomplete;

    private Builder() {}

    public Builder format(String value) { format = value; return this; }
    public Builder modelId(String value) { modelId = value; return this; }
    public Builder inputTokens(Long value) { inputTokens = value; return this; }
    public Builder outputTokens(Long value) { outputTokens = value; return this; }
    public Builder totalTokens(Long value) { totalTokens = value; return this; }
    public Builder cacheReadTokens(Long value) { cacheReadTokens = value; return this; }
    public Builder cacheWriteTokens(Long value) { cacheWriteTokens = value; return this; }
    public Builder reasoningTokens(Long value) { reasoningTokens = value; return this; }
    public Builder prompt(String value) { prompt = value; return this; }
    public Builder text(String value) { text = value; return this; }
    public Builder stopReason(String value) { stopReason = value; return this; }
    public Builder toolCalls(List<ToolCall> value) { toolCalls = value; return this; }
    public Builder incomplete(String value) { incomplete = value; return this; }

    /**
     * Builds; a missing total is the sum of input and output when both are known (saturated at
     * {@code Long.MAX_VALUE}).
     */
    public LlmResponse build() {
      Long total = totalTokens;
      if (total == null && inputTokens != null && outputTokens != null) {
        total = Usage.add(inputTokens, outputTokens);
      }
      return new LlmResponse(format, modelId, inputTokens, outputTokens, total, cacheReadTokens,
          cacheWriteTokens, reasoningTokens, prompt, text, stopReason, toolCalls, incomplete);
    }
  }
}
