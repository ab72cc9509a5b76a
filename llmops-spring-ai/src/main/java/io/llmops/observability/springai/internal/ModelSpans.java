package io.llmops.observability.springai.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.providers.internal.FrameworkCalls;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.ai.observation.AiOperationMetadata;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * The spans of the observations {@code spring-ai-model} defines: chat, embedding and image model
 * calls (generations) and tool calls (tools): what each records when it starts and when it
 * stops. Internal.
 */
public final class ModelSpans {

  private ModelSpans() {}

  /** A builder for {@code context}'s span, or null when it is not one of these observations. */
  public static @Nullable SpanBuilder open(Object context) {
    if (context instanceof ChatModelObservationContext chat) {
      return chat(chat);
    }
    if (context instanceof EmbeddingModelObservationContext embedding) {
      List<String> texts = embedding.getRequest().getInstructions();
      return generation("embedding", embedding.getOperationMetadata())
          .model(embedding.getRequest().getOptions() == null ? null
              : embedding.getRequest().getOptions().getModel())
          .metadata("llm.operation", "embedding")
          .input("texts", texts == null ? List.of() : List.copyOf(texts));
    }
    if (context instanceof ImageModelObservationContext image) {
      List<String> texts = new ArrayList<>();
      for (ImageMessage message : image.getRequest().getInstructions()) {
        texts.add(message.getText());
      }
      return generation("image", image.getOperationMetadata())
          .model(image.getRequest().getOptions() == null ? requestedModel(image)
              : image.getRequest().getOptions().getModel())
          .metadata("llm.operation", "image")
          .prompt(String.join("\n", texts));
    }
    if (context instanceof ToolCallingObservationContext tool) {
      return Llmops.tool(tool.getToolDefinition().name())
          .metadata("llm.framework", "spring-ai")
          .input("arguments", tool.getToolCallArguments());
    }
    return null;
  }

  /** Called with the span {@link #open} described, once started. */
  public static void started(Observation.Context context, Span span) {
    StreamGenerations.spanStarted(context);
    if (context instanceof ChatModelObservationContext) {
      StreamGenerations.generationStarted(context, span);
    }
  }

  /** Records what {@code context} knows once its observation stops. */
  public static void close(Object context, Span span) {
    if (context instanceof ChatModelObservationContext chat) {
      ChatResponse response = chat.getResponse();
      if (response != null) {
        span.recordLlmResponse(response);
        CumulativeUsage.record(chat, response, span);
      }
    } else if (context instanceof EmbeddingModelObservationContext embedding) {
      embedded(embedding.getResponse(), span);
    } else if (context instanceof ImageModelObservationContext image) {
      ImageResponse response = image.getResponse();
      if (response != null) {
        span.setMetadata("image.count", response.getResults().size());
        span.setOutput(response.getResults().isEmpty() || response.getResult().getOutput() == null
            ? null : response.getResult().getOutput().getUrl());
      }
    } else if (context instanceof ToolCallingObservationContext tool) {
      span.setOutput(tool.getToolCallResult());
    }
  }

  private static SpanBuilder chat(ChatModelObservationContext context) {
    Prompt prompt = context.getRequest();
    CumulativeUsage.noteBefore(context, prompt);
    SpanBuilder span = generation("chat", context.getOperationMetadata());
    List<FrameworkCalls.Message> messages = new ArrayList<>();
    for (Message message : prompt.getInstructions()) {
      messages.add(new FrameworkCalls.Message(message.getMessageType().getValue(),
          message.getText()));
    }
    FrameworkCalls.prompt(span, messages);
    ChatOptions options = prompt.getOptions();
    if (options != null) {
      span.model(options.getModel());
      FrameworkCalls.parameters(span, new FrameworkCalls.Parameters(options.getTemperature(),
          options.getTopP(), options.getTopK(), options.getMaxTokens(),
          options.getFrequencyPenalty(), options.getPresencePenalty(),
          options.getStopSequences()));
    }
    return span;
  }

  private static SpanBuilder generation(String name, @Nullable AiOperationMetadata operation) {
    SpanBuilder span = Llmops.spanBuilder(name, SpanType.GENERATION)
        .metadata("llm.framework", "spring-ai");
    if (operation != null && operation.provider() != null) {
      span.metadata("llm.provider", operation.provider());
    }
    return span;
  }

  private static void embedded(@Nullable EmbeddingResponse response, Span span) {
    if (response == null) {
      return;
    }
    span.setMetadata("embedding.count", response.getResults().size());
    if (!response.getResults().isEmpty()) {
      span.setMetadata("embedding.dimensions", response.getResults().get(0).getOutput().length);
    }
    if (response.getMetadata() != null) {
      String model = response.getMetadata().getModel();
      if (model != null && !model.isEmpty()) {
        span.setModel(model);
      }
      if (response.getMetadata().getUsage() != null
          && response.getMetadata().getUsage().getPromptTokens() != null) {
        span.setUsage(response.getMetadata().getUsage().getPromptTokens(), 0);
      }
    }
  }

  /** The model Spring AI's observation convention names, when the request's options do not. */
  private static @Nullable String requestedModel(Observation.Context context) {
    KeyValue model = context.getLowCardinalityKeyValue("gen_ai.request.model");
    return model == null || KeyValue.NONE_VALUE.equals(model.getValue()) ? null : model.getValue();
  }
}
