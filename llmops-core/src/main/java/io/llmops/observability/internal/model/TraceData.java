package io.llmops.observability.internal.model;

import java.util.List;
import java.util.Map;

/**
 * A finalized trace as handed to the export worker: immutable, snapshots only. Internal.
 *
 * @param openSpans spans still open when the trace had to be sent (after the finalize grace)
 * @param capturedChars characters its captured values hold, charged to its capture budget: an
 *     estimate of the memory it holds while queued for export
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
    long capturedChars) {}
