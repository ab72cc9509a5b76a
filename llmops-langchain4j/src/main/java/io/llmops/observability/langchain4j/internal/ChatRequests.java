package io.llmops.observability.langchain4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.providers.internal.FrameworkCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a generation span records of a LangChain4j {@code ChatRequest}. Internal. */
public final class ChatRequests {

  private ChatRequests() {}

  /** Sets the model, the prompt messages and the request parameters that were given. */
  public static SpanBuilder describe(SpanBuilder span, ChatRequest request) {
    span.model(request.modelName());
    List<FrameworkCalls.Message> messages = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      messages.add(new FrameworkCalls.Message(role(message), text(message)));
    }
    FrameworkCalls.prompt(span, messages);
    FrameworkCalls.parameters(span, new FrameworkCalls.Parameters(request.temperature(),
        request.topP(), request.topK(), request.maxOutputTokens(), request.frequencyPenalty(),
        request.presencePenalty(), request.stopSequences()));
    if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
      List<String> tools = new ArrayList<>();
      request.toolSpecifications().forEach(tool -> tools.add(tool.name()));
      span.metadata("llm.tools", tools);
    }
    return span;
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
