package io.llmops.observability;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Describes a trace before it starts; see {@link TraceManager#newTrace(String)}.
 *
 * <p>The setters validate their arguments and throw {@link IllegalArgumentException}, naming the
 * argument, as each says; {@link #start()} never throws.
 *
 * <p>Not thread-safe: fill and start a builder on one thread.
 */
public interface TraceBuilder {

  /**
   * Overrides {@code PROJECT_ID} for this trace and its spans.
   *
   * @throws IllegalArgumentException when {@code projectId} is null or blank
   */
  TraceBuilder projectId(String projectId);

  /**
   * Overrides {@code ENV} for this trace and its spans.
   *
   * @throws IllegalArgumentException when {@code environment} is null or blank
   */
  TraceBuilder environment(String environment);

  /**
   * A metadata entry of the trace; a null value is recorded as null.
   *
   * @throws IllegalArgumentException when {@code key} is null
   */
  TraceBuilder metadata(String key, @Nullable Object value);

  /**
   * Every entry of {@code metadata}, as {@link #metadata(String, Object)} adds them.
   *
   * @throws IllegalArgumentException when {@code metadata} is null or has a null key (the entries
   *     before it are kept)
   */
  TraceBuilder metadata(Map<String, ?> metadata);

  /** The user the trace belongs to; null means none. */
  TraceBuilder userId(@Nullable String userId);

  /** The session the trace belongs to; null means none. */
  TraceBuilder sessionId(@Nullable String sessionId);

  /**
   * The trace's tags, replacing earlier ones.
   *
   * @throws IllegalArgumentException when {@code tags} is null or contains null
   */
  TraceBuilder tags(String... tags);

  /**
   * Records the trace as the work a caller in another process asked for (read with {@link
   * TraceHeaders#read}): with a caller that merges segments, a child segment of its trace (same
   * trace id, its own segment id, its spans without a parent under the calling span); with any
   * other caller, a trace with the caller's trace id and the calling span in its metadata ({@code
   * llmops.remote_parent_span_id}). Null, for a request without valid headers, starts an ordinary
   * trace. See docs/DISTRIBUTED_TRACING.md.
   */
  TraceBuilder remoteParent(@Nullable RemoteParent parent);

  /**
   * Starts the trace and makes it the active trace of the calling thread. It replaces a trace of
   * this thread that was never finalized and has nothing open; inside an open span or scope it
   * nests, and the outer trace is active again once this one is finalized. Never throws.
   *
   * @return the trace id, or null when no trace was started (tracing is disabled or failed)
   */
  @Nullable String start();
}
