package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A trace ready for the sinks: whole (every segment that arrived merged in), or a late export
 * after a segment arrived once the trace had gone out.
 *
 * @param exportId names this export, the same on every retry and every processor: what sinks and
 *     delivery records key on (for example {@code <trace_id>} for the first export and
 *     {@code <trace_id>/late/<segment_id>} for a late one)
 * @param traceId the trace's id
 * @param trace the merged trace JSON (the SDK's trace format); sinks must not change it
 * @param newSpanIds the spans this export adds: every span for a first export, only the late
 *     segment's for a late one. Span-based sinks (Langfuse, OTLP) send these only; archives
 *     rewrite the whole trace
 * @param late whether an earlier export of this trace went out
 */
public record ExportedTrace(
    String exportId, String traceId, ObjectNode trace, Set<String> newSpanIds, boolean late) {}
