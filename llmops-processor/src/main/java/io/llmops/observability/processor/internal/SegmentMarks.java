package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Marks each span a merge attaches with the child segment it came in, in the span's metadata (the
 * wire format has no span field for it, and consumers of the Python SDK's format pass unknown
 * metadata keys through): {@code llmops.segment_id}, and {@code llmops.segment_service}, the
 * segment's {@code project_id}, the service that recorded it, when it has one.
 */
public final class SegmentMarks {

  /** The span metadata key naming the child segment a span came in. */
  public static final String SEGMENT_ID = "llmops.segment_id";

  /** The span metadata key naming the service (the segment's {@code project_id}). */
  public static final String SERVICE = "llmops.segment_service";

  private final String segmentId;
  private final String service;

  /** The marks of the spans of {@code segment}, a child segment with the id {@code segmentId}. */
  public SegmentMarks(String segmentId, JsonNode segment) {
    this.segmentId = segmentId;
    JsonNode project = segment.path("project_id");
    this.service = project.isTextual() && !project.asText().isBlank() ? project.asText() : null;
  }

  /**
   * Adds the marks to {@code span}'s metadata (created when absent or null); a metadata that is
   * some other value is left as it came rather than replaced.
   */
  public void mark(ObjectNode span) {
    JsonNode metadata = span.get("metadata");
    if (metadata == null || metadata.isNull()) {
      metadata = span.putObject("metadata");
    }
    if (metadata instanceof ObjectNode marked) {
      marked.put(SEGMENT_ID, segmentId);
      if (service != null) {
        marked.put(SERVICE, service);
      }
    }
  }
}
