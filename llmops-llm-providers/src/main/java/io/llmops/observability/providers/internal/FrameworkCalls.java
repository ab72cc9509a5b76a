package io.llmops.observability.providers.internal;

import io.llmops.observability.SpanBuilder;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the framework integrations ({@code llmops-spring-ai}, {@code llmops-langchain4j}) record
 * alike, from whichever framework's types they read it: the guard around their callbacks, the
 * prompt messages and the request parameters of a generation. Internal.
 */
public final class FrameworkCalls {

  /** One message of a prompt. */
  public record Message(String role, @Nullable String text) {}

  /** The request parameters a generation records, each null when not given. */
  public record Parameters(@Nullable Double temperature, @Nullable Double topP,
      @Nullable Integer topK, @Nullable Integer maxTokens, @Nullable Double frequencyPenalty,
      @Nullable Double presencePenalty, @Nullable List<String> stopSequences) {}

  private FrameworkCalls() {}

  /**
   * Runs the SDK's part of a callback of {@code framework} ({@code "spring-ai"}) so that nothing
   * it throws reaches the framework or the application: a failure is counted
   * ({@code <framework>.trace_failed}, {@code spring_ai.trace_failed}) and logged once per kind.
   */
  public static void guard(String framework, String what, Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(framework.replace('-', '_') + ".trace_failed");
      SdkLog.errorOnce(framework + "." + what, "llmops: a " + framework + " " + what
          + " was not fully recorded; the call goes on untouched", e);
    }
  }

  /** The prompt (one {@code role: text} line per message) and the messages as input. */
  public static SpanBuilder prompt(SpanBuilder span, List<Message> messages) {
    List<Map<String, Object>> input = new ArrayList<>(messages.size());
    StringBuilder prompt = new StringBuilder();
    for (Message message : messages) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("role", message.role());
      entry.put("content", message.text());
      input.add(entry);
      if (prompt.length() > 0) {
        prompt.append('\n');
      }
      prompt.append(message.role()).append(": ")
          .append(message.text() == null ? "" : message.text());
    }
    return span.prompt(prompt.toString()).input("messages", input);
  }

  /** The parameters that were given, as {@code llm.temperature}, {@code llm.top_p}, ... */
  public static SpanBuilder parameters(SpanBuilder span, Parameters parameters) {
    parameter(span, "llm.temperature", parameters.temperature());
    parameter(span, "llm.top_p", parameters.topP());
    parameter(span, "llm.top_k", parameters.topK());
    parameter(span, "llm.max_tokens", parameters.maxTokens());
    parameter(span, "llm.frequency_penalty", parameters.frequencyPenalty());
    parameter(span, "llm.presence_penalty", parameters.presencePenalty());
    List<String> stop = parameters.stopSequences();
    if (stop != null && !stop.isEmpty()) {
      span.metadata("llm.stop_sequences", List.copyOf(stop));
    }
    return span;
  }

  private static void parameter(SpanBuilder span, String key, @Nullable Object value) {
    if (value != null) {
      span.metadata(key, value);
    }
  }
}
