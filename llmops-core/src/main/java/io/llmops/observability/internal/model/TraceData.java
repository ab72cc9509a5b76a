package io.llmops.observability.internal.model;

import java.util.List;
import java.util.Map;

/**
 * A finalized trace as handed to the export worker: immutable, snapshots only. Internal.
 *
 * @param openSpans spans still open when the trace had to be sent (after the finalize grace)
 * @param capturedChars characters its captured values hold, charged to its capture budget: an
 *     estimate of the memory it holds while queued for export
 * @param segment which part of the trace this message carries
 */
public record TraceData(
    String traceId,
    String name,
    String projectId,
    String environment,
    String userId,
    String sessionId,
    long startMicros,
    long endMicros,
    Object input,
    Object output,
    Map<String, Object> metadata,
    List<String> tags,
    List<SpanData> spans,
    int openSpans,
    long capturedChars,
    Segment segment) {

  /** A whole trace: its only message. */
  public TraceData(String traceId, String name, String projectId, String environment,
      String userId, String sessionId, long startMicros, long endMicros, Object input,
      Object output, Map<String, Object> metadata, List<String> tags, List<SpanData> spans,
      int openSpans, long capturedChars) {
    this(traceId, name, projectId, environment, userId, sessionId, startMicros, endMicros, input,
        output, metadata, tags, spans, openSpans, capturedChars, Segment.WHOLE);
  }
}
