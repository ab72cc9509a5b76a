package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * A live span. Setters record values as they are at the moment of the call (a later change by
 * the application never alters what is exported) and return this span for chaining.
 *
 * <p>No method throws. A call on an ended span, or on the no-op span returned when tracing is
 * off, is ignored, and so is an argument the method cannot use (a null name, key, tag or level;
 * a negative token count; a negative or non-finite cost): the span keeps what it had.
 *
 * <p>A span obtained from {@link SpanBuilder#start()} is current on the starting thread; {@link
 * #close()} ends it and restores the previous context, which makes it a natural fit for
 * try-with-resources.
 *
 * <p>Thread-safe: any thread may set values on a span, end it or close it, also concurrently.
 * A value is copied before the span's lock is taken, so the application code that copying may
 * run (an iterator, a {@code toString()}) never holds up another thread.
 */
public interface Span extends AutoCloseable {

  /** The span id (a UUID string), or an empty string (not null) for the no-op span. */
  String spanId();

  /**
   * The id of the trace this span belongs to, or an empty string (not null) for the no-op span.
   */
  String traceId();

  SpanType type();

  /** False for the no-op span and once the span has ended. */
  boolean isRecording();

  /**
   * Records a named argument ({@code input_data.kwargs}); a null value is recorded as null. A
   * null name is ignored.
   */
  Span setInput(String name, @Nullable Object value);

  /**
   * Records the positional arguments ({@code input_data.args}), replacing earlier ones; null
   * elements are recorded as null. A null array is ignored.
   */
  Span setArgs(@Nullable Object... args);

  /**
   * Records a local variable of the traced code ({@code input_data.locals}); a null value is
   * recorded as null. A null name is ignored.
   */
  Span setLocal(String name, @Nullable Object value);

  /** Records the receiver's state ({@code input_data.self}); null records null. */
  Span setSelf(@Nullable Object self);

  /** Records the result ({@code output_data.output}); null records null. */
  Span setOutput(@Nullable Object output);

  /**
   * Adds custom metadata; {@code environment} and {@code project_id} are injected by the SDK. A
   * null value is recorded as null; a null key is ignored.
   */
  Span setMetadata(String key, @Nullable Object value);

  /** Adds a tag; a null tag is ignored. */
  Span addTag(String tag);

  /**
   * Sets the model id ({@code model_id}) of a generation; null removes it, and a generation
   * without one ends with the configured {@code MODEL_ID}.
   */
  Span setModel(@Nullable String modelId);

  /** Sets the prompt text of a generation; null removes it. */
  Span setPrompt(@Nullable String prompt);

  /** Sets the response text of a generation; null removes it. */
  Span setResponse(@Nullable String response);

  /**
   * Sets token usage; the total is the sum. Never throws: a negative count is not recorded (the
   * span keeps the usage it had).
   */
  Span setUsage(long inputTokens, long outputTokens);

  /**
   * Sets the cost in US dollars; the total is the sum. Never throws: a negative or non-finite
   * value is not recorded (the span keeps the cost it had).
   */
  Span setCost(double inputCost, double outputCost);

  /**
   * Records a model response: reads it (see {@link LlmResponse#read}) and sets the model id (the
   * response's wins over one set before), usage with cache and reasoning tokens, the response
   * text, the prompt when the response echoes it and none was set, and the stop reason and
   * requested tool calls as metadata ({@code llm.stop_reason}, {@code llm.tool_calls}). The raw
   * response becomes the span output unless an output was already set or the argument is an
   * {@link LlmResponse}. A response of unknown shape records only that output; null records
   * nothing. Never throws.
   */
  default Span recordLlmResponse(@Nullable Object response) {
    LlmResponse read = LlmResponse.read(response);
    if (!(response instanceof LlmResponse) && response != null) {
      setOutput(response);
    }
    if (read != null) {
      if (read.modelId() != null) {
        setModel(read.modelId());
      }
      if (read.text() != null) {
        setResponse(read.text());
      }
      if (read.inputTokens() != null || read.outputTokens() != null) {
        long in = read.inputTokens() == null ? 0 : read.inputTokens();
        long out = read.outputTokens() == null ? 0 : read.outputTokens();
        setUsage(in, out);
      }
    }
    return this;
  }

  /** Sets the severity ({@code level}); a null level is ignored. */
  Span setLevel(SpanLevel level);

  /** Sets the status message ({@code status_message}); null removes it. */
  Span setStatusMessage(@Nullable String message);

  /**
   * Marks the span as failed ({@code status: "error"}, level ERROR) and records the exception's
   * type, message and a bounded stack trace. The exception itself is left untouched.
   */
  Span recordException(Throwable error);

  /**
   * Makes this span current on the calling thread until the returned scope is closed. Never
   * returns null; for the no-op span the scope does nothing.
   */
  Scope makeCurrent();

  /** Ends the span; idempotent. Does not change which span is current. Never throws. */
  void end();

  /**
   * Ends the span and, if {@link SpanBuilder#start()} made it current, takes it out of the
   * context of the thread that started it (also when closed on another thread, or after spans
   * started inside it were closed in any order). Never throws.
   */
  @Override
  void close();
}
