package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A merged trace and what became of each segment offered.
 *
 * @param trace the parent with every attached segment's spans (a new tree)
 * @param mergedSegmentIds segments whose spans are in {@code trace}, in the order they were added
 * @param pendingSegmentIds segments whose roots name a span that is not (yet) in the trace, for
 *     example under a segment that has not arrived: keep them for a later merge
 * @param duplicates segments offered more than once (by {@code segment_id}), counted once
 */
public record MergeResult(
    ObjectNode trace, List<String> mergedSegmentIds, List<String> pendingSegmentIds, int duplicates) {}
