package io.llmops.observability;

import java.util.Map;

/**
 * Describes a span before it starts. Obtain one from {@link Llmops#span(String)} and its siblings.
 * Values are captured when the builder method is called.
 *
 * <p>A builder rejects an invalid argument at once with an IllegalArgumentException naming it
 * (never echoing its value): a null name or key ({@link #input}, {@link #metadata}), tag, type,
 * parent or body. A started {@link Span} never throws; it ignores and counts invalid arguments
 * instead. Other nulls are values: a null value, model or prompt is recorded as absent, and a
 * null array of arguments means none. A builder is not thread-safe; it may start several spans.
 *
 * <pre>{@code
 * try (Span span = Llmops.tool("search").input("query", q).start()) {
 *   span.setOutput(index.search(q));
 * }
 *
 * List<Doc> docs = Llmops.span("retrieve").input("query", q).call(() -> index.search(q));
 * }</pre>
 */
public interface SpanBuilder {

  SpanBuilder type(SpanType type);

  /** A named argument ({@code input_data.kwargs}). */
  SpanBuilder input(String name, Object value);

  /** Positional arguments ({@code input_data.args}); a null array means none. */
  SpanBuilder args(Object... args);

  SpanBuilder metadata(String key, Object value);

  SpanBuilder metadata(Map<String, ?> metadata);

  SpanBuilder tag(String tag);

  SpanBuilder model(String modelId);

  SpanBuilder prompt(String prompt);

  /** Parents the span explicitly instead of using the current context. */
  SpanBuilder parent(LlmopsContext parent);

  /**
   * Starts the span and makes it current on this thread; close it (try-with-resources) to end it
   * and restore the previous context. Without an active trace a root span starts an implicit
   * trace that is sent when the span ends (unless {@code LLMOPS_AUTO_TRACE=false}).
   */
  Span start();

  /** Starts the span without making it current: for work that ends on another thread. */
  Span startDetached();

  /**
   * Runs {@code body} inside the span, records its result as the output, and ends the span. An
   * exception marks the span as failed and is rethrown unchanged. A null body is rejected
   * before the span starts.
   */
  <T, E extends Throwable> T call(ThrowingSupplier<T, E> body) throws E;

  /** Like {@link #call} for code that returns nothing. */
  <E extends Throwable> void run(ThrowingRunnable<E> body) throws E;
}
