package io.llmops.observability;

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
 * <p><b>Thread safety.</b> A span may be used from any number of threads. Its state is guarded
 * by a private lock (never the span object itself, so application code that synchronizes on a
 * span cannot stall it), values are copied before that lock is taken, and no application code
 * runs while it is held.
 *
 * <p>A span obtained from {@link SpanBuilder#start()} is current on the starting thread; {@link
 * #close()} ends it and restores the previous context, which makes it a natural fit for
 * try-with-resources.
 */
public interface Span extends AutoCloseable {

  /** The span id (a UUID string), or an empty string for the no-op span. */
  String spanId();

  /** The id of the trace this span belongs to, or an empty string for the no-op span. */
  String traceId();

  SpanType type();

  /** False for the no-op span and once the span has ended. */
  boolean isRecording();

  /** Records a named argument ({@code input_data.kwargs}). */
  Span setInput(String name, Object value);

  /**
   * Records the positional arguments ({@code input_data.args}), replacing earlier ones; a null
   * array records none.
   */
  Span setArgs(Object... args);

  /** Records a local variable of the traced code ({@code input_data.locals}). */
  Span setLocal(String name, Object value);

  /** Records the receiver's state ({@code input_data.self}). */
  Span setSelf(Object self);

  /** Records the result ({@code output_data.output}). */
  Span setOutput(Object output);

  /** Adds custom metadata; {@code environment} and {@code project_id} are injected by the SDK. */
  Span setMetadata(String key, Object value);

  Span addTag(String tag);

  /** Sets the model id ({@code model_id}) of a generation. */
  Span setModel(String modelId);

  /** Sets the prompt text of a generation. */
  Span setPrompt(String prompt);

  /** Sets the response text of a generation. */
  Span setResponse(String response);

  /**
   * Sets token usage; the total is the sum. A negative count is invalid: the call is ignored and
   * counted under {@code invalid_argument.setUsage}.
   */
  Span setUsage(long inputTokens, long outputTokens);

  /**
   * Sets the cost in US dollars; the total is the sum. A negative, NaN or infinite value is
   * invalid: the call is ignored and counted under {@code invalid_argument.setCost}.
   */
  Span setCost(double inputCost, double outputCost);

  /**
   * Records a model response: reads it (see {@link LlmResponse#read}) and sets the model id (the
   * response's wins over one set before), usage with cache and reasoning tokens, the response
   * text, the prompt when the response echoes it and none was set, and the stop reason and
   * requested tool calls as metadata ({@code llm.stop_reason}, {@code llm.tool_calls}). The raw
   * response becomes the span output unless an output was already set or the argument is an
   * {@link LlmResponse}. A response of unknown shape records only that output, and null records
   * nothing. Never throws.
   */
  Span recordLlmResponse(Object response);

  /** Sets the level; null is invalid (ignored and counted). */
  Span setLevel(SpanLevel level);

  Span setStatusMessage(String message);

  /**
   * Marks the span as failed ({@code status: "error"}, level ERROR) and records the exception's
   * type, message and a bounded stack trace. The exception itself is left untouched. Null is
   * invalid (ignored and counted).
   */
  Span recordException(Throwable error);

  /** Makes this span current on the calling thread until the returned scope is closed. */
  Scope makeCurrent();

  /** Ends the span; idempotent. Does not change which span is current. */
  void end();

  /**
   * Ends the span and, if {@link SpanBuilder#start()} made it current, takes it out of the
   * context of the thread that started it (also when closed on another thread, or after spans
   * started inside it were closed in any order). Never throws.
   */
  @Override
  void close();
}
