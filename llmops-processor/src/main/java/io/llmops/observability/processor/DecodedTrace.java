package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One message's trace, decoded and checked: a whole trace, a parent waiting for segments, or a
 * child segment (docs/WIRE_FORMAT.md §2a). Absent flags read as {@code false}, as for messages of
 * the Python SDK.
 *
 * @param traceId the trace's {@code trace_id}
 * @param segmentId a child segment's {@code segment_id}; null for the trace's first message
 * @param childSegment {@code is_child_segment}
 * @param hasExternalSegments {@code has_external_segments}
 * @param trace the trace JSON; every entry of its {@code spans} is an object with a
 *     {@code span_id}
 */
public record DecodedTrace(
    String traceId,
    @Nullable String segmentId,
    boolean childSegment,
    boolean hasExternalSegments,
    ObjectNode trace) {}
