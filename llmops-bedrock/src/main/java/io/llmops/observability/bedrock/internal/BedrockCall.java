package io.llmops.observability.bedrock.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Span;
import io.llmops.observability.SpanLevel;
import io.llmops.observability.spi.SdkLog;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One intercepted Bedrock Runtime call: its generation span and, for a streaming call, what the
 * tapped event stream said so far. The span ends exactly once, whichever of the SDK's callbacks
 * or the stream's end comes first.
 *
 * <p>A stream ends its span itself when it completes (before the caller hears of it) or when its
 * HTTP response fails. A cancelled stream waits for the SDK's verdict: the SDK cancels a stream
 * whose frame is corrupted, whose exception event it met or whose caller's subscriber threw, and
 * then fails the call ({@link #endWithFailure}); a cancel it reports as a success ({@link
 * #endStream}) was the caller's own. Internal.
 */
public final class BedrockCall {

  /** Metadata key of the time from the call's start to its first streamed content, in ms. */
  public static final String TIME_TO_FIRST_TOKEN_MS = "llm.time_to_first_token_ms";
  /** Metadata key set (true) when the caller cancelled the stream before it ended. */
  public static final String STREAM_CANCELLED = "llm.stream_cancelled";
  /** Metadata key of the model a response names when it is not the requested model id. */
  public static final String RESPONSE_MODEL = "llm.response_model";

  private final Object owner;
  private final Operation operation;
  private final Span span;
  private final String modelId;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Long headerInputTokens;
  private volatile Long headerOutputTokens;

  private volatile StreamedEvents stream = new StreamedEvents();
  private volatile boolean streamCancelled;

  /**
   * @param modelId the requested model id: the span's model and the one priced, whatever model
   *     the response names
   */
  public BedrockCall(Object owner, Operation operation, Span span, String modelId, long startNanos) {
    this.owner = owner;
    this.operation = operation;
    this.span = span;
    this.modelId = modelId;
    this.startNanos = startNanos;
  }

  public boolean ownedBy(Object interceptor) {
    return owner == interceptor;
  }

  public Operation operation() {
    return operation;
  }

  public boolean ended() {
    return ended.get();
  }

  /** Ends the span with a non-streamed response (ConverseResponse, InvokeModel body...). */
  public void endWith(Object response) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      LlmResponse read = response == null ? null : LlmResponse.read(response);
      if (read != null) {
        record(read);
      }
      if ((read == null || read.inputTokens() == null) && headerInputTokens != null
          && headerOutputTokens != null) {
        span.setUsage(headerInputTokens, headerOutputTokens);
      }
    } finally {
      span.end();
    }
  }

  /**
   * Records what a response says, under the requested model id: a response naming another model
   * (Anthropic bodies name the base model of an inference profile or ARN) keeps that name in
   * {@link #RESPONSE_MODEL}, never as the span's model.
   */
  private void record(LlmResponse read) {
    String named = read.modelId();
    span.recordLlmResponse(read);
    if (modelId != null) {
      span.setModel(modelId);
      if (named != null && !named.equals(modelId)) {
        span.setMetadata(RESPONSE_MODEL, named);
      }
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

  /** Ends the span as failed with the exception the caller gets, after what the stream said. */
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

  /**
   * An attempt's response stream starts: what earlier attempts streamed is forgotten (the SDK
   * retries a stream that met a retryable exception event, and the span records the attempt that
   * answered).
   */
  public void streamStarted() {
    stream = new StreamedEvents();
    streamCancelled = false;
  }

  /** One decoded event-stream message. */
  public void onStreamMessage(EventStreamDecoder.Message message, long nowNanos) {
    stream.add(message, nowNanos);
  }

  /** The stream completed: the span ends now, as a success, before the caller is told. */
  public void streamCompleted() {
    endStream();
  }

  /** The stream was cancelled, by the caller or by the SDK: the SDK's verdict follows. */
  public void streamCancelled() {
    streamCancelled = true;
  }

  /**
   * The HTTP response failed under the stream (connection lost, the call timed out, the caller
   * cancelled the call's future): the span ends now as failed, with the exception that broke the
   * stream, as the SDK may report nothing more (it may not for a cancelled future).
   */
  public void streamFailed(Throwable error) {
    endWithFailure(error);
  }

  /**
   * The stream completed, or the SDK reports the streaming call as a success: the span ends with
   * what the stream said, cancelled when it was (then the caller's own cancel).
   */
  public void endStream() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      recordStream();
      if (streamCancelled) {
        span.setMetadata(STREAM_CANCELLED, true);
      }
    } finally {
      span.end();
    }
  }

  private void recordStream() {
    try {
      long firstContent = stream.firstContentNanos();
      if (firstContent >= 0) {
        span.setMetadata(TIME_TO_FIRST_TOKEN_MS,
            TimeUnit.NANOSECONDS.toMillis(Math.max(0, firstContent - startNanos)));
      }
      LlmResponse read = stream.response();
      if (read != null) {
        record(read);
      }
    } catch (RuntimeException e) {
      SdkLog.errorOnce("bedrock.stream", "llmops: could not read a Bedrock response stream", e);
    }
  }
}
