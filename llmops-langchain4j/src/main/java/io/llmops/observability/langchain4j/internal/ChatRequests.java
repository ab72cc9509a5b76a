package io.llmops.observability.langchain4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.llmops.observability.SpanBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a generation span records of a LangChain4j {@code ChatRequest}. Internal. */
public final class ChatRequests {

  private ChatRequests() {}

  /** Sets the model, the prompt (one {@code role: text} line per message), the messages and
   * the request parameters that were given. */
  public static SpanBuilder describe(SpanBuilder span, ChatRequest request) {
    span.model(request.modelName());
    List<Map<String, Object>> messages = new ArrayList<>();
    StringBuilder prompt = new StringBuilder();
    for (ChatMessage message : request.messages()) {
      String role = role(message);
      String text = text(message);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("role", role);
      entry.put("content", text);
      messages.add(entry);
      if (prompt.length() > 0) {
        prompt.append('\n');
      }
      prompt.append(role).append(": ").append(text == null ? "" : text);
    }
    span.prompt(prompt.toString()).input("messages", messages);
    parameter(span, "llm.temperature", request.temperature());
    parameter(span, "llm.top_p", request.topP());
    parameter(span, "llm.top_k", request.topK());
    parameter(span, "llm.max_tokens", request.maxOutputTokens());
    parameter(span, "llm.frequency_penalty", request.frequencyPenalty());
    parameter(span, "llm.presence_penalty", request.presencePenalty());
    List<String> stop = request.stopSequences();
    if (stop != null && !stop.isEmpty()) {
      span.metadata("llm.stop_sequences", List.copyOf(stop));
    }
    if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
      List<String> tools = new ArrayList<>();
      request.toolSpecifications().forEach(tool -> tools.add(tool.name()));
      span.metadata("llm.tools", tools);
    }
    return span;
  }

  private static void parameter(SpanBuilder span, String key, @Nullable Object value) {
    if (value != null) {
      span.metadata(key, value);
    }
  }

  private static String role(ChatMessage message) {
    return switch (message.type()) {
      case SYSTEM -> "system";
      case USER -> "user";
      case AI -> "assistant";
      case TOOL_EXECUTION_RESULT -> "tool";
      default -> message.type().name().toLowerCase(Locale.ROOT);
    };
  }

  private static @Nullable String text(ChatMessage message) {
    if (message instanceof UserMessage user) {
      return user.hasSingleText() ? user.singleText() : String.valueOf(user.contents());
    }
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof AiMessage ai) {
      return ai.hasToolExecutionRequests() && ai.text() == null
          ? String.valueOf(ai.toolExecutionRequests()) : ai.text();
    }
    if (message instanceof ToolExecutionResultMessage tool) {
      return tool.text();
    }
    return String.valueOf(message);
  }
}
