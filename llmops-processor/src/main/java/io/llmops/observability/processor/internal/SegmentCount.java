package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.processor.MergeResult;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether every segment a parent expects is there (docs/PROCESSOR.md, "How many segments to wait
 * for"): the parent's {@code external_segments_expected} plus, for every merged segment, its own,
 * against the merged segments recorded by a called service (whose roots name a W3C parent-id).
 * Late evaluations are not counted. A count that is missing where calls were made means unknown.
 */
public final class SegmentCount {

  private static final Pattern W3C_PARENT_ID = Pattern.compile("[0-9a-f]{16}");

  private SegmentCount() {}

  /** True when nothing more is to come: export now, do not wait for the sweep. */
  public static boolean complete(DecodedTrace parent, Map<String, DecodedTrace> children,
      MergeResult merged) {
    if (!parent.hasExternalSegments()) {
      return true;
    }
    Integer expected = expectedOf(parent.trace());
    if (expected == null || !merged.pendingSegmentIds().isEmpty()) {
      return false;
    }
    long total = expected;
    long called = 0;
    for (String segmentId : merged.mergedSegmentIds()) {
      DecodedTrace segment = children.get(segmentId);
      if (calledService(segment.trace())) {
        called++;
      }
      if (segment.hasExternalSegments()) {
        Integer own = expectedOf(segment.trace());
        if (own == null) {
          return false;
        }
        total += own;
      }
    }
    return called >= total;
  }

  private static @Nullable Integer expectedOf(JsonNode trace) {
    JsonNode count = trace.get("external_segments_expected");
    return count != null && count.canConvertToInt() && count.isIntegralNumber()
        && count.intValue() >= 0 ? count.intValue() : null;
  }

  /** A segment of a called service: one of its roots names its caller by a W3C parent-id. */
  private static boolean calledService(JsonNode segment) {
    Set<String> own = new HashSet<>();
    segment.path("spans").forEach(span -> own.add(span.path("span_id").asText()));
    for (JsonNode span : segment.path("spans")) {
      JsonNode parentId = span.get("parent_span_id");
      if (parentId != null && parentId.isTextual() && !own.contains(parentId.asText())
          && W3C_PARENT_ID.matcher(parentId.asText()).matches()) {
        return true;
      }
    }
    return false;
  }
}
