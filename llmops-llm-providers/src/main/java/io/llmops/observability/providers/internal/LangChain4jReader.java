package io.llmops.observability.providers.internal;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.ArrayList;
import java.util.List;

/**
 * LangChain4j {@code ChatResponse} (1.x). Cache and reasoning counts are read from the provider
 * modules' {@code TokenUsage} subclasses when they have them (Anthropic's cache counts,
 * OpenAI's {@code inputTokensDetails().cachedTokens()} and
 * {@code outputTokensDetails().reasoningTokens()}). Internal.
 */
final class LangChain4jReader implements LlmResponseReader {

  @Override
  public LlmResponse read(Object response) {
    if (!(response instanceof ChatResponse chat)) {
      return null;
    }
    LlmResponse.Builder builder = LlmResponse.builder().format("langchain4j.chat")
        .modelId(chat.modelName());
    AiMessage message = chat.aiMessage();
    if (message != null) {
      builder.text(message.text());
      if (message.hasToolExecutionRequests()) {
        List<LlmResponse.ToolCall> calls = new ArrayList<>();
        for (ToolExecutionRequest request : message.toolExecutionRequests()) {
          calls.add(new LlmResponse.ToolCall(request.id(), request.name(), request.arguments()));
        }
        builder.toolCalls(calls);
      }
    }
    if (chat.finishReason() != null) {
      builder.stopReason(chat.finishReason().name());
    }
    TokenUsage usage = chat.tokenUsage();
    if (usage != null) {
      Long in = Reflect.of(usage.inputTokenCount());
      Long out = Reflect.of(usage.outputTokenCount());
      Long cacheRead = Reflect.count(usage, "cacheReadInputTokens");
      Long cacheWrite = Reflect.count(usage, "cacheCreationInputTokens");
      if (cacheRead != null || cacheWrite != null) {
        // Anthropic's input count leaves the cache out; the span's counts it in
        in = Reflect.sum(in, cacheRead, cacheWrite);
      } else {
        cacheRead = Reflect.count(Reflect.call(usage, "inputTokensDetails"), "cachedTokens");
      }
      Long reasoning = Reflect.count(Reflect.call(usage, "outputTokensDetails"), "reasoningTokens");
      builder.inputTokens(in).outputTokens(out).cacheReadTokens(cacheRead)
          .cacheWriteTokens(cacheWrite).reasoningTokens(reasoning);
      if (in == null || out == null) {
        builder.totalTokens(Reflect.of(usage.totalTokenCount()));
      }
    }
    return builder.build();
  }
}
