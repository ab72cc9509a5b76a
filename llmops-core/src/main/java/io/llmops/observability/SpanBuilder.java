package io.llmops.observability;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Describes a span before it starts. Obtain one from {@link Llmops#span(String)} and its siblings.
 * Values are captured when the builder method is called.
 *
 * <pre>{@code
 * try (Span span = Llmops.tool("search").input("query", q).start()) {
 *   span.setOutput(index.search(q));
 * }
 *
 * List<Doc> docs = Llmops.span("retrieve").input("query", q).call(() -> index.search(q));
 * }</pre>
 *
 * <p>The setters validate their arguments and throw {@link IllegalArgumentException}, naming the
 * argument (never its value), as each says; the starting methods never throw (when tracing is
 * off or fails they return the no-op span). The same null name, key or tag that a builder
 * rejects is ignored and counted by a started {@link Span}, which never throws. A builder may
 * start several spans, each with the values set so far.
 *
 * <p>Not thread-safe: fill and start a builder on one thread (the span it starts may then be
 * handed to any thread).
 */
public interface SpanBuilder {

  /**
   * Sets the span type.
   *
   * @throws IllegalArgumentException when {@code type} is null
   */
  SpanBuilder type(SpanType type);

  /**
   * A named argument ({@code input_data.kwargs}); a null value is recorded as null.
   *
   * @throws IllegalArgumentException when {@code name} is null
   */
  SpanBuilder input(String name, @Nullable Object value);

  /**
   * Positional arguments ({@code input_data.args}), replacing earlier ones; null elements are
   * recorded as null, and a null array means none.
   */
  SpanBuilder args(@Nullable Object @Nullable ... args);

  /**
   * A metadata entry; a null value is recorded as null.
   *
   * @throws IllegalArgumentException when {@code key} is null
   */
  SpanBuilder metadata(String key, @Nullable Object value);

  /**
   * Every entry of {@code metadata}, as {@link #metadata(String, Object)} adds them.
   *
   * @throws IllegalArgumentException when {@code metadata} is null or has a null key (the entries
   *     before it are kept)
   */
  SpanBuilder metadata(Map<String, ?> metadata);

  /**
   * Adds a tag.
   *
   * @throws IllegalArgumentException when {@code tag} is null
   */
  SpanBuilder tag(String tag);

  /**
   * The model id ({@code model_id}) of a generation; null removes it, and a generation without
   * one ends with the configured {@code MODEL_ID}.
   */
  SpanBuilder model(@Nullable String modelId);

  /** The prompt text of a generation; null removes it. */
  SpanBuilder prompt(@Nullable String prompt);

  /**
   * Names the managed prompt (name and version, as a prompt registry such as Langfuse's keeps
   * them) that a generation used, recorded as the metadata entries {@code prompt.name} and
   * {@code prompt.version}. The Langfuse export links a generation to that prompt version; on
   * other span types the entries stay plain metadata. A later call replaces both.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code version} is
   *     less than 1
   */
  SpanBuilder promptReference(String name, int version);

  /**
   * Parents the span explicitly instead of using the current context.
   *
   * @throws IllegalArgumentException when {@code parent} is null
   */
  SpanBuilder parent(LlmopsContext parent);

  /**
   * Starts the span and makes it current on this thread; close it (try-with-resources) to end it
   * and restore the previous context. Without an active trace a root span starts an implicit
   * trace that is sent when the span ends (unless {@code LLMOPS_AUTO_TRACE=false}). Never throws
   * and never returns null: without tracing, the no-op span.
   */
  Span start();

  /**
   * Starts the span without making it current: for work that ends on another thread. Never
   * throws and never returns null: without tracing, the no-op span.
   */
  Span startDetached();

  /**
   * Runs {@code body} inside the span, records its result as the output, and ends the span. An
   * exception of {@code body} marks the span as failed and is rethrown unchanged; the SDK itself
   * throws nothing here.
   *
   * @return what {@code body} returned (null included)
   * @throws IllegalArgumentException when {@code body} is null (before any span starts)
   */
  <T extends @Nullable Object, E extends Throwable> T call(ThrowingSupplier<T, E> body) throws E;

  /**
   * Like {@link #call} for code that returns nothing.
   *
   * @throws IllegalArgumentException when {@code body} is null (before any span starts)
   */
  <E extends Throwable> void run(ThrowingRunnable<E> body) throws E;
}
