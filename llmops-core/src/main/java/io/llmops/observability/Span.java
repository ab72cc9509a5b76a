package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * A live span. Setters record values as they are at the moment of the call (a later change by
 * the application never alters what is exported) and return this span for chaining.
 *
 * <p><b>No method throws.</b> A call on an ended span, or on the no-op span returned when
 * tracing is off, is ignored. An invalid argument (a null name, key, tag, level or exception; a
 * negative token count; a negative, NaN or infinite cost) is ignored too: the span keeps what it
 * had, and the call is counted under {@code invalid_argument.<method>} in {@link Llmops#stats()}
 * and logged at most once a minute, naming the method and the argument but never its value.
 * Other nulls are values: a null value, output, model, prompt, response or status message is
 * recorded as absent, and a null array of arguments means no positional arguments.
 *
 * <p>A span obtained from {@link SpanBuilder#start()} is current on the starting thread; {@link
 * #close()} ends it and restores the previous context, which makes it a natural fit for
 * try-with-resources.
 *
 * <p>Thread-safe: any thread may set values on a span, end it or close it, also concurrently.
 * The span's state is guarded by a private lock, never the span object itself, so application
 * code that synchronizes on a span cannot stall it. A value is copied before that lock is taken,
 * so the application code that copying may run (an iterator, a {@code toString()}) never holds
 * up another thread.
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
   * null name is invalid (ignored and counted).
   */
  Span setInput(String name, @Nullable Object value);

  /**
   * Records the positional arguments ({@code input_data.args}), replacing earlier ones; null
   * elements are recorded as null. A null array records none.
   */
  Span setArgs(@Nullable Object... args);

  /**
   * Records a local variable of the traced code ({@code input_data.locals}); a null value is
   * recorded as null. A null name is invalid (ignored and counted).
   */
  Span setLocal(String name, @Nullable Object value);

  /** Records the receiver's state ({@code input_data.self}); null records null. */
  Span setSelf(@Nullable Object self);

  /** Records the result ({@code output_data.output}); null records null. */
  Span setOutput(@Nullable Object output);

  /**
   * Adds custom metadata; {@code environment} and {@code project_id} are injected by the SDK. A
   * null value is recorded as null; a null key is invalid (ignored and counted).
   */
  Span setMetadata(String key, @Nullable Object value);

  /** Adds a tag; a null tag is invalid (ignored and counted). */
  Span addTag(String tag);

  /**
   * Sets the model id ({@code model_id}) of a generation; null removes it, and a generation
   * without one ends with the configured {@code MODEL_ID}.
   */
  Span setModel(@Nullable String modelId);

  /** Sets the prompt text of a generation; null removes it. */
  Span setPrompt(@Nullable String prompt);

  /**
   * Names the managed prompt a generation used, as {@link SpanBuilder#promptReference} does
   * (metadata {@code prompt.name} and {@code prompt.version}). A null or blank name, or a version
   * less than 1, is invalid: the call is ignored (the span keeps the reference it had) and
   * counted under {@code invalid_argument.setPromptReference}.
   */
  Span setPromptReference(String name, int version);

  /** Sets the response text of a generation; null removes it. */
  Span setResponse(@Nullable String response);

  /**
   * Sets token usage; the total is the sum. A negative count is invalid: the call is ignored
   * (the span keeps the usage it had) and counted under {@code invalid_argument.setUsage}.
   */
  Span setUsage(long inputTokens, long outputTokens);

  /**
   * Sets the cost in US dollars; the total is the sum. A negative, NaN or infinite value is
   * invalid: the call is ignored (the span keeps the cost it had) and counted under {@code
   * invalid_argument.setCost}.
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
  Span recordLlmResponse(@Nullable Object response);

  /** Sets the severity ({@code level}); a null level is invalid (ignored and counted). */
  Span setLevel(SpanLevel level);

  /** Sets the status message ({@code status_message}); null removes it. */
  Span setStatusMessage(@Nullable String message);

  /**
   * Marks the span as failed ({@code status: "error"}, level ERROR) and records the exception's
   * type, message and a bounded stack trace. The exception itself is left untouched. Null is
   * invalid (ignored and counted).
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
