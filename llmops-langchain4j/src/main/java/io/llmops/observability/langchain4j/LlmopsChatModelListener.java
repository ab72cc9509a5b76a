package io.llmops.observability.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.langchain4j.internal.ChatRequests;
import io.llmops.observability.langchain4j.internal.Guard;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records every call of a LangChain4j {@code ChatModel} or {@code StreamingChatModel} as a
 * generation span: model, prompt messages, request parameters (temperature, top_p, max tokens,
 * stop sequences), response text, usage, finish reason, tool calls and cost, or the provider's
 * error. Add it to the model's builder ({@code .listeners(List.of(new
 * LlmopsChatModelListener()))}); one instance serves any number of models and threads.
 *
 * <p>The span starts under the span current when the call is made and is never made current
 * itself (a streamed call ends on another thread). A streamed call's span ends with the
 * complete response LangChain4j assembles; a listener does not see the streamed tokens, so time
 * to first token takes {@link LlmopsStreamingHandlers#timeToFirstToken}.
 */
public final class LlmopsChatModelListener implements ChatModelListener {

  /** The attribute under which the call's span travels from request to response. */
  static final String SPAN_ATTRIBUTE = LlmopsChatModelListener.class.getName() + ".span";

  @Override
  public void onRequest(ChatModelRequestContext context) {
    Guard.run("chat request", () -> {
      SpanBuilder span = Llmops.generation("chat")
          .metadata("llm.framework", "langchain4j");
      ModelProvider provider = context.modelProvider();
      if (provider != null) {
        span.metadata("llm.provider", provider.name().toLowerCase(Locale.ROOT));
      }
      ChatRequests.describe(span, context.chatRequest());
      Span started = span.startDetached();
      context.attributes().put(SPAN_ATTRIBUTE, started);
      LlmopsStreamingHandlers.requestStarted(started);
    });
  }

  @Override
  public void onResponse(ChatModelResponseContext context) {
    Guard.run("chat response", () -> {
      Span span = take(context.attributes());
      if (span != null) {
        span.recordLlmResponse(context.chatResponse());
        span.end();
      }
    });
  }

  @Override
  public void onError(ChatModelErrorContext context) {
    Guard.run("chat error", () -> {
      Span span = take(context.attributes());
      if (span != null) {
        span.recordException(context.error());
        span.end();
      }
    });
  }

  private static @Nullable Span take(Map<Object, Object> attributes) {
    Object span = attributes.remove(SPAN_ATTRIBUTE);
    return span instanceof Span found ? found : null;
  }
}
