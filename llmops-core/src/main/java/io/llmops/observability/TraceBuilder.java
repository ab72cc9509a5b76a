package io.llmops.observability;

import java.util.Map;

/** Describes a trace before it starts; see {@link TraceManager#newTrace(String)}. */
public interface TraceBuilder {

  /** Overrides {@code PROJECT_ID} for this trace and its spans. */
  TraceBuilder projectId(String projectId);

  /** Overrides {@code ENV} for this trace and its spans. */
  TraceBuilder environment(String environment);

  TraceBuilder metadata(String key, Object value);

  TraceBuilder metadata(Map<String, ?> metadata);

  TraceBuilder userId(String userId);

  TraceBuilder sessionId(String sessionId);

  TraceBuilder tags(String... tags);

  /**
   * Starts the trace and makes it the active trace of the calling thread (replacing any other).
   *
   * @return the trace id, or an empty string when tracing is disabled
   */
  String start();
}
