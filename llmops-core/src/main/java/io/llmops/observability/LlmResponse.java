package io.llmops.observability;

import io.llmops.observability.internal.common.Saturating;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>Immutable and thread-safe ({@code toolCalls} is copied); neither the record nor its {@link
 * Builder} validates the values it is given. {@link Builder} is not thread-safe.
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
 * @param toolCalls tools the model asked to call, never null (empty when none; a null given to
 *     the constructor becomes empty)
 * @param incomplete null when the whole response was read; otherwise why not: {@value
 *     #INCOMPLETE_TOO_LARGE}, {@value #INCOMPLETE_LIMITS} or {@value #INCOMPLETE_FAILED}
 */
public record LlmResponse(
    @Nullable String format,
    @Nullable String modelId,
    @Nullable Long inputTokens,
    @Nullable Long outputTokens,
    @Nullable Long totalTokens,
    @Nullable Long cacheReadTokens,
    @Nullable Long cacheWriteTokens,
    @Nullable Long reasoningTokens,
    @Nullable String prompt,
    @Nullable String text,
    @Nullable String stopReason,
    List<ToolCall> toolCalls,
    @Nullable String incomplete) {

  /** JSON text above the size limit: not parsed at all, so nothing else is known. */
  public static final String INCOMPLETE_TOO_LARGE = "too_large";
  /** Parts beyond the reading limits (elements, nesting, events, tool calls) were skipped. */
  public static final String INCOMPLETE_LIMITS = "limits";
  /** Reading failed (for example the JVM ran out of memory); nothing else is known. */
  public static final String INCOMPLETE_FAILED = "failed";

  /**
   * The canonical constructor; a null {@code toolCalls} becomes an empty list.
   *
   * @throws IllegalArgumentException when {@code toolCalls} contains null
   */
  public LlmResponse {
    if (toolCalls != null && toolCalls.stream().anyMatch(call -> call == null)) {
      throw new IllegalArgumentException("toolCalls must not contain null");
    }
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** A response read whole ({@code incomplete} null); the constructor of earlier versions. */
  public LlmResponse(@Nullable String format, @Nullable String modelId,
      @Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long totalTokens,
      @Nullable Long cacheReadTokens, @Nullable Long cacheWriteTokens,
      @Nullable Long reasoningTokens, @Nullable String prompt, @Nullable String text,
      @Nullable String stopReason, @Nullable List<ToolCall> toolCalls) {
    this(format, modelId, inputTokens, outputTokens, totalTokens, cacheReadTokens,
        cacheWriteTokens, reasoningTokens, prompt, text, stopReason, toolCalls, null);
  }

  /**
   * A tool call the model requested.
   *
   * @param id the provider's call id, or null
   * @param name the tool name, or null when the response does not name it
   * @param arguments the arguments as JSON text, or null
   */
  public record ToolCall(@Nullable String id, @Nullable String name, @Nullable String arguments) {}

  /**
   * Reads {@code response}: JSON text, a Jackson {@code JsonNode}, a {@code java.util.Map}, a list
   * of stream events, or any type a registered {@link io.llmops.observability.spi.LlmResponseReader}
   * understands. Plain non-JSON text is read as the response text. Returns null when the value is
   * not understood, and a response with only {@link #incomplete()} set when it could not be read
   * at all (JSON text above the size limit, or a failure); null for null. Never throws,
   * whatever it is given.
   */
  public static @Nullable LlmResponse read(@Nullable Object response) {
    return Engine.get().readResponse(response);
  }

  /** A response carrying text only; null gives a response with every component null. */
  public static LlmResponse ofText(@Nullable String text) {
    return builder().text(text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether input or output token counts are known. */
  public boolean hasUsage() {
    return inputTokens != null || outputTokens != null;
  }

  /**
   * A builder; unset components stay null, and every setter takes null to unset them. The
   * setters never throw.
   *
   * <p>Not thread-safe: fill and build it on one thread.
   */
  public static final class Builder {
    private @Nullable String format;
    private @Nullable String modelId;
    private @Nullable Long inputTokens;
    private @Nullable Long outputTokens;
    private @Nullable Long totalTokens;
    private @Nullable Long cacheReadTokens;
    private @Nullable Long cacheWriteTokens;
    private @Nullable Long reasoningTokens;
    private @Nullable String prompt;
    private @Nullable String text;
    private @Nullable String stopReason;
    private @Nullable List<ToolCall> toolCalls;
    private @Nullable String incomplete;

    private Builder() {}

    public Builder format(@Nullable String value) { format = value; return this; }
    public Builder modelId(@Nullable String value) { modelId = value; return this; }
    public Builder inputTokens(@Nullable Long value) { inputTokens = value; return this; }
    public Builder outputTokens(@Nullable Long value) { outputTokens = value; return this; }
    public Builder totalTokens(@Nullable Long value) { totalTokens = value; return this; }
    public Builder cacheReadTokens(@Nullable Long value) { cacheReadTokens = value; return this; }
    public Builder cacheWriteTokens(@Nullable Long value) { cacheWriteTokens = value; return this; }
    public Builder reasoningTokens(@Nullable Long value) { reasoningTokens = value; return this; }
    public Builder prompt(@Nullable String value) { prompt = value; return this; }
    public Builder text(@Nullable String value) { text = value; return this; }
    public Builder stopReason(@Nullable String value) { stopReason = value; return this; }
    public Builder toolCalls(@Nullable List<ToolCall> value) { toolCalls = value; return this; }
    public Builder incomplete(@Nullable String value) { incomplete = value; return this; }

    /**
     * Builds; a missing total is the sum of input and output when both are known (saturated at
     * {@code Long.MAX_VALUE}).
     *
     * @throws IllegalArgumentException when the tool calls contain null
     */
    public LlmResponse build() {
      Long total = totalTokens;
      if (total == null && inputTokens != null && outputTokens != null) {
        total = Saturating.add(inputTokens, outputTokens);
      }
      return new LlmResponse(format, modelId, inputTokens, outputTokens, total, cacheReadTokens,
          cacheWriteTokens, reasoningTokens, prompt, text, stopReason, toolCalls, incomplete);
    }
  }
}
