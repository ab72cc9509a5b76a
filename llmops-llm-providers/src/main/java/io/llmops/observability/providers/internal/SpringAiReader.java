package io.llmops.observability.providers.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Spring AI {@code ChatResponse} (1.x): the first generation's text, tool calls and finish
 * reason; model and usage from the response metadata. When the usage's native object is one the
 * SDK readers or the core understand (an AWS SDK {@code TokenUsage}, a map), its cache counts are
 * used too. Internal.
 */
final class SpringAiReader implements LlmResponseReader {

  @Override
  public LlmResponse read(Object response) {
    if (!(response instanceof ChatResponse chat)) {
      return null;
    }
    LlmResponse.Builder builder = LlmResponse.builder().format("spring-ai.chat");
    Generation generation = chat.getResult();
    if (generation != null) {
      AssistantMessage output = generation.getOutput();
      if (output != null) {
        builder.text(output.getText());
        if (output.hasToolCalls()) {
          List<LlmResponse.ToolCall> calls = new ArrayList<>();
          for (AssistantMessage.ToolCall call : output.getToolCalls()) {
            calls.add(new LlmResponse.ToolCall(call.id(), call.name(), call.arguments()));
          }
          builder.toolCalls(calls);
        }
      }
      if (generation.getMetadata() != null) {
        builder.stopReason(generation.getMetadata().getFinishReason());
      }
    }
    ChatResponseMetadata metadata = chat.getMetadata();
    if (metadata != null) {
      String model = metadata.getModel();
      builder.modelId(model == null || model.isEmpty() ? null : model);
      Usage usage = metadata.getUsage();
      if (usage != null) {
        Long in = Reflect.of(usage.getPromptTokens());
        Long out = Reflect.of(usage.getCompletionTokens());
        Object nativeUsage = usage.getNativeUsage();
        Long cacheRead = Reflect.count(nativeUsage, "cacheReadInputTokens");
        Long cacheWrite = Reflect.count(nativeUsage, "cacheWriteInputTokens", "cacheCreationInputTokens");
        if ((cacheRead != null || cacheWrite != null) && in != null
            && in.equals(Reflect.count(nativeUsage, "inputTokens"))) {
          in = Reflect.sum(in, cacheRead, cacheWrite); // Bedrock's count leaves the cache out
        }
        boolean empty = (in == null || in == 0) && (out == null || out == 0);
        if (!empty) {
          builder.inputTokens(in).outputTokens(out).cacheReadTokens(cacheRead)
              .cacheWriteTokens(cacheWrite);
        }
      }
    }
    return builder.build();
  }
}
