package io.llmops.observability.bedrock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SpanHooks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One intercepted Bedrock Runtime call: its generation span and, for a streaming call, what the
 * tapped event stream said so far. The span ends exactly once, whichever of the SDK's callbacks
 * or the stream's end comes first. Internal.
 */
public final class BedrockCall {

  /** Metadata key of the time from the call's start to its first streamed content, in ms. */
  public static final String TIME_TO_FIRST_TOKEN_MS = "llm.time_to_first_token_ms";
  /** Metadata key set (true) when the caller cancelled the stream before it ended. */
  public static final String STREAM_CANCELLED = "llm.stream_cancelled";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Payload bytes of content events kept for the final reading; later ones are dropped. */
  static final int MAX_KEPT_BYTES = 4 * 1024 * 1024;

  private final Object owner;
  private final Operation operation;
  private final Span span;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Long headerInputTokens;
  private volatile Long headerOutputTokens;

  // Stream state: written by the one subscriber thread that delivers the stream, read at its end.
  private volatile boolean tapped;
  private final List<String> events = new ArrayList<>();
  private String lastChunk;
  private int keptBytes;
  private long firstTokenNanos = -1;
  private String streamErrorType;
  private String streamError;

  public BedrockCall(Object owner, Operation operation, Span span, long startNanos) {
    this.owner = owner;
    this.operation = operation;
    this.span = span;
    this.startNanos = startNanos;
  }

  public boolean ownedBy(Object interceptor) {
    return owner == interceptor;
  }

  public Operation operation() {
    return operation;
  }

  public Span span() {
    return span;
  }

  public boolean tapped() {
    return tapped;
  }

  public boolean ended() {
    return ended.get();
  }

  /** Marks the response stream as observed: its end, not the SDK's callback, ends the span. */
  public void markTapped() {
    tapped = true;
  }

  /** Ends the span with a non-streamed response (ConverseResponse, InvokeModel body...). */
  public void endWith(Object response) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      LlmResponse read = response == null ? null : LlmResponse.read(response);
      if (read != null) {
        span.recordLlmResponse(read);
      }
      if ((read == null || read.inputTokens() == null) && headerInputTokens != null
          && headerOutputTokens != null) {
        span.setUsage(headerInputTokens, headerOutputTokens);
      }
    } finally {
      span.end();
    }
  }

  /** Token counts from the response headers, used when the body carries none. */
  public void useHeaderTokenCounts(String inputTokens, String outputTokens) {
    headerInputTokens = parseCount(inputTokens);
    headerOutputTokens = parseCount(outputTokens);
  }

  private static Long parseCount(String header) {
    if (header == null) {
      return null;
    }
    try {
      long value = Long.parseLong(header.trim());
      return value >= 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Ends the span as failed. */
  public void endWithFailure(Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      recordStream();
      if (error != null) {
        span.recordException(error);
      } else {
        span.setLevel(SpanLevel.ERROR);
      }
    } finally {
      span.end();
    }
  }

  /** One decoded event-stream message. */
  public synchronized void onStreamMessage(EventStreamDecoder.Message message, long nowNanos) {
    String messageType = message.header(":message-type");
    if ("exception".equals(messageType) || "error".equals(messageType)) {
      String type = message.header("exception".equals(messageType) ? ":exception-type" : ":error-code");
      streamErrorType = type == null ? "BedrockStreamError" : type;
      streamError = errorMessage(message);
      return;
    }
    String eventType = message.header(":event-type");
    if (eventType == null || "initial-response".equals(eventType)) {
      return;
    }
    if (firstTokenNanos < 0 && ("contentBlockDelta".equals(eventType) || "chunk".equals(eventType))) {
      firstTokenNanos = nowNanos;
    }
    String payload = new String(message.payload(), StandardCharsets.UTF_8).trim();
    if (payload.isEmpty() || payload.charAt(0) != '{') {
      return;
    }
    String wrapped = "{\"" + eventType + "\":" + payload + "}";
    if ("chunk".equals(eventType)) {
      lastChunk = wrapped; // the last chunk carries the invocation metrics: always kept
    }
    if (isBulk(eventType) && keptBytes + wrapped.length() > MAX_KEPT_BYTES) {
      return;
    }
    keptBytes += wrapped.length();
    events.add(wrapped);
  }

  /** The {@code message} of an exception event's JSON payload, else the payload text. */
  private static String errorMessage(EventStreamDecoder.Message message) {
    String text = new String(message.payload(), StandardCharsets.UTF_8);
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.path("message").isTextual()) {
        return node.get("message").asText();
      }
    } catch (Exception notJson) {
      // the text itself
    }
    String header = message.header(":error-message");
    return header != null ? header : text;
  }

  private static boolean isBulk(String eventType) {
    return "contentBlockDelta".equals(eventType) || "chunk".equals(eventType);
  }

  /** The response stream ended: normally, with an error, or cancelled by the caller. */
  public void endStream(Throwable error, boolean cancelled) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      recordStream();
      if (cancelled) {
        span.setMetadata(STREAM_CANCELLED, true);
      }
      if (error != null) {
        span.recordException(error);
      } else if (streamErrorType != null) {
        SpanHooks.recordFailure(span, streamErrorType, streamError);
      }
    } finally {
      span.end();
    }
  }

  private synchronized void recordStream() {
    try {
      if (firstTokenNanos >= 0) {
        span.setMetadata(TIME_TO_FIRST_TOKEN_MS,
            TimeUnit.NANOSECONDS.toMillis(Math.max(0, firstTokenNanos - startNanos)));
      }
      if (events.isEmpty() && lastChunk == null) {
        return;
      }
      List<String> all = events;
      if (lastChunk != null && (all.isEmpty() || !all.get(all.size() - 1).equals(lastChunk))) {
        all = new ArrayList<>(events);
        all.add(lastChunk);
      }
      LlmResponse read = LlmResponse.read("[" + String.join(",", all) + "]");
      if (read != null) {
        span.recordLlmResponse(read);
      }
    } catch (RuntimeException e) {
      SdkLog.errorOnce("bedrock.stream", "llmops: could not read a Bedrock response stream", e);
    }
  }
}
