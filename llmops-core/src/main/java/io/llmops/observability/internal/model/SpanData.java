package io.llmops.observability.internal.model;

import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import java.util.List;
import java.util.Map;

/**
 * An ended span: immutable, holding only captured snapshots (never application objects), so the
 * export worker can read it freely. Internal.
 *
 * @param self the captured receiver, or {@link #ABSENT} when not captured
 * @param inputSections further named parts of {@code input_data} (such as {@code evaluation}),
 *     written after args, kwargs, locals and self
 */
public record SpanData(
    String spanId,
    String parentSpanId,
    String name,
    SpanType type,
    long startMicros,
    long endMicros,
    List<Object> args,
    Map<String, Object> kwargs,
    Map<String, Object> locals,
    Object self,
    Object output,
    String modelId,
    Object prompt,
    Object response,
    Usage usage,
    Cost cost,
    Map<String, Object> metadata,
    List<String> tags,
    SpanLevel level,
    String statusMessage,
    ErrorInfo error,
    Map<String, Object> inputSections) {

  /** Marks a field that was not captured at all (as opposed to captured as null). */
  public static final Object ABSENT = new Object();

  /** A span without further input sections. */
  public SpanData(String spanId, String parentSpanId, String name, SpanType type, long startMicros,
      long endMicros, List<Object> args, Map<String, Object> kwargs, Map<String, Object> locals,
      Object self, Object output, String modelId, Object prompt, Object response, Usage usage,
      Cost cost, Map<String, Object> metadata, List<String> tags, SpanLevel level,
      String statusMessage, ErrorInfo error) {
    this(spanId, parentSpanId, name, type, startMicros, endMicros, args, kwargs, locals, self,
        output, modelId, prompt, response, usage, cost, metadata, tags, level, statusMessage, error,
        Map.of());
  }

  public boolean failed() {
    return error != null;
  }
}
