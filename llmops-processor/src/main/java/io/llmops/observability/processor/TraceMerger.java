package io.llmops.observability.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.internal.SegmentMarks;
import io.llmops.observability.processor.internal.SegmentMetadata;
import io.llmops.observability.processor.internal.SpanIndex;
import io.llmops.observability.processor.internal.TraceTotals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins a trace's first message and its child segments into one trace (docs/PROCESSOR.md): each
 * child root goes under the span it names (its full id, or the W3C parent-id of the calling
 * span, docs/WIRE_FORMAT.md §2a), also when that span is in another child segment, so segments
 * of services that call further services nest. Each attached span's metadata names the segment
 * and service it came from ({@link SegmentMarks}). A pure function: the inputs are not changed, and
 * the same parent and set of segments give the same trace in any order and with any repeats.
 */
public final class TraceMerger {

  private TraceMerger() {}

  /**
   * The merged trace.
   *
   * @param parent the trace's first message (not a child segment)
   * @param children child segments of the same trace, in any order, repeats allowed
   * @throws IllegalArgumentException when an argument is null, {@code parent} is a child segment,
   *     or a child is not a child segment of the parent's trace
   */
  public static MergeResult merge(DecodedTrace parent, List<DecodedTrace> children) {
    check(parent, children);
    Map<String, DecodedTrace> bySegment = new TreeMap<>();
    int duplicates = 0;
    for (DecodedTrace child : children) {
      if (bySegment.putIfAbsent(child.segmentId(), child) != null) {
        duplicates++;
      }
    }
    ObjectNode merged = parent.trace().deepCopy();
    ArrayNode spans = (ArrayNode) merged.get("spans");
    SpanIndex index = new SpanIndex();
    spans.forEach(span -> index.add(span.get("span_id").asText()));
    TraceTotals totals = new TraceTotals();
    totals.add(parent.trace());
    SegmentMetadata segments = new SegmentMetadata();

    List<String> mergedIds = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (var pending = bySegment.values().iterator(); pending.hasNext(); ) {
        DecodedTrace child = pending.next();
        if (attach(child.trace(), new SegmentMarks(child.segmentId(), child.trace()), index, spans)) {
          pending.remove();
          mergedIds.add(child.segmentId());
          totals.add(child.trace());
          segments.add(child.trace());
          progress = true;
        }
      }
    }
    if (mergedIds.isEmpty()) {
      return new MergeResult(merged, List.of(), List.copyOf(bySegment.keySet()), duplicates);
    }
    totals.writeTo(merged);
    segments.writeTo(merged);
    recount(merged, spans);
    merged.put("idempotency_key", mergedKey(parent, mergedIds));
    return new MergeResult(merged, List.copyOf(mergedIds), List.copyOf(bySegment.keySet()), duplicates);
  }

  /**
   * Adds {@code segment}'s spans, marked as coming from it, when every root names a span already
   * in the trace; roots get the full id of that span. A span whose id is already in the trace is
   * not added twice.
   */
  private static boolean attach(ObjectNode segment, SegmentMarks marks, SpanIndex index, ArrayNode spans) {
    SpanIndex own = new SpanIndex();
    segment.get("spans").forEach(span -> own.add(span.get("span_id").asText()));
    List<ObjectNode> copies = new ArrayList<>();
    for (JsonNode span : segment.get("spans")) {
      ObjectNode copy = (ObjectNode) span.deepCopy();
      JsonNode reference = span.get("parent_span_id");
      if (reference != null && reference.isTextual() && !own.contains(reference.asText())) {
        String caller = index.resolve(reference.asText());
        if (caller == null) {
          return false;
        }
        copy.put("parent_span_id", caller);
      }
      marks.mark(copy);
      copies.add(copy);
    }
    for (ObjectNode copy : copies) {
      String spanId = copy.get("span_id").asText();
      if (!index.contains(spanId)) {
        index.add(spanId);
        spans.add(copy);
      }
    }
    return true;
  }

  private static void recount(ObjectNode merged, ArrayNode spans) {
    int generations = 0;
    double start = merged.path("start_time").asDouble(Double.NaN);
    double end = merged.path("end_time").asDouble(Double.NaN);
    for (JsonNode span : spans) {
      if ("generation".equals(span.path("span_type").asText())) {
        generations++;
      }
      if (span.path("start_time").isNumber()) {
        start = Double.isNaN(start) ? span.get("start_time").asDouble() : Math.min(start, span.get("start_time").asDouble());
      }
      if (span.path("end_time").isNumber()) {
        end = Double.isNaN(end) ? span.get("end_time").asDouble() : Math.max(end, span.get("end_time").asDouble());
      }
    }
    merged.put("total_spans", spans.size());
    merged.put("total_generations", generations);
    if (!Double.isNaN(start) && !Double.isNaN(end)) {
      merged.put("start_time", start);
      merged.put("end_time", end);
      merged.put("duration_ms", Math.round((end - start) * 1000));
    }
  }

  /** Depends on the parent's key and the set of segments merged, not on their order. */
  private static String mergedKey(DecodedTrace parent, List<String> segmentIds) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("merged\n" + parent.traceId() + "\n" + parent.trace().path("idempotency_key").asText())
          .getBytes(StandardCharsets.UTF_8));
      segmentIds.stream().sorted().forEach(id -> sha.update(("\n" + id).getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void check(DecodedTrace parent, List<DecodedTrace> children) {
    if (parent == null) {
      throw new IllegalArgumentException("parent must not be null");
    }
    if (parent.childSegment()) {
      throw new IllegalArgumentException("parent must not be a child segment");
    }
    if (children == null) {
      throw new IllegalArgumentException("children must not be null");
    }
    for (DecodedTrace child : children) {
      if (child == null || !child.childSegment() || !parent.traceId().equals(child.traceId())) {
        throw new IllegalArgumentException("children must be child segments of the parent's trace");
      }
    }
  }
}
