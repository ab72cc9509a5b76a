package io.llmops.observability.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.llmops.observability.Span;
import io.llmops.observability.langchain4j.internal.Guard;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Time to first token for LangChain4j streams, which a listener does not see: wrap the handler
 * in the call, and the generation {@link LlmopsChatModelListener} starts for that call gets
 * {@code metadata["llm.time_to_first_token_ms"]} (the key Bedrock streams use), the time from
 * the request to the first streamed text, thinking or tool-call piece.
 *
 * <pre>{@code
 * streamingModel.chat(request, LlmopsStreamingHandlers.timeToFirstToken(handler));
 * }</pre>
 *
 * The wrapper must be created on the thread that makes the call, just before it (as above): the
 * listener's {@code onRequest}, on that thread, hands it the call's generation. Every callback
 * reaches {@code handler} unchanged; callbacks LangChain4j adds after 1.19 reach it through their
 * interface defaults.
 */
public final class LlmopsStreamingHandlers {

  /** The metadata key, as for Bedrock streams. */
  public static final String TIME_TO_FIRST_TOKEN_MS = "llm.time_to_first_token_ms";

  /** The wrapper created last on this thread, waiting for its call's generation. */
  private static final ThreadLocal<Timed> PENDING = new ThreadLocal<>();

  private LlmopsStreamingHandlers() {}

  public static StreamingChatResponseHandler timeToFirstToken(
      StreamingChatResponseHandler handler) {
    Timed timed = new Timed(handler);
    PENDING.set(timed);
    return timed;
  }

  /** Called by the listener's {@code onRequest}: the waiting wrapper, if any, times this call. */
  static void requestStarted(Span generation) {
    Timed timed = PENDING.get();
    PENDING.remove();
    if (timed != null) {
      timed.generation.set(generation);
      timed.requested = System.nanoTime();
    }
  }

  private static final class Timed implements StreamingChatResponseHandler {

    private final StreamingChatResponseHandler handler;
    private final AtomicReference<@Nullable Span> generation = new AtomicReference<>();
    private volatile long requested;

    Timed(StreamingChatResponseHandler handler) {
      this.handler = handler;
    }

    private void firstPiece() {
      Span span = generation.getAndSet(null);
      if (span != null) {
        Guard.run("stream first token", () -> span.setMetadata(TIME_TO_FIRST_TOKEN_MS,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requested)));
      }
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      firstPiece();
      handler.onPartialResponse(partialResponse);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse,
        PartialResponseContext context) {
      firstPiece();
      handler.onPartialResponse(partialResponse, context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
      firstPiece();
      handler.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking,
        PartialThinkingContext context) {
      firstPiece();
      handler.onPartialThinking(partialThinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
      firstPiece();
      handler.onPartialToolCall(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall,
        PartialToolCallContext context) {
      firstPiece();
      handler.onPartialToolCall(partialToolCall, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      handler.onCompleteToolCall(completeToolCall);
    }

    @Override
    public void onUnmappedRawEvent(Object event) {
      handler.onUnmappedRawEvent(event);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      handler.onCompleteResponse(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
      handler.onError(error);
    }
  }
}
