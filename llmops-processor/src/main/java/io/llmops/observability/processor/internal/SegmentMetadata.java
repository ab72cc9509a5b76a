package io.llmops.observability.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a merged trace keeps of each child segment besides its spans, under the trace metadata's
 * {@code llmops.segments}: who recorded it and what it said about itself.
 */
public final class SegmentMetadata {

  /** The trace metadata key. */
  public static final String KEY = "llmops.segments";

  private static final String[] KEPT = {"segment_id", "trace_name", "project_id", "environment",
      "sdk_name", "sdk_version", "start_time", "end_time", "has_external_segments", "idempotency_key",
      "metadata", "tags"};

  private final ArrayNode segments = JsonNodeFactory.instance.arrayNode();

  /** Adds one child segment. */
  public void add(JsonNode segment) {
    ObjectNode entry = segments.addObject();
    for (String field : KEPT) {
      JsonNode value = segment.get(field);
      if (value != null) {
        entry.set(field, value.deepCopy());
      }
    }
    entry.put("span_count", segment.path("spans").size());
  }

  /** Writes the list into {@code trace}'s metadata, replacing a metadata that is not an object. */
  public void writeTo(ObjectNode trace) {
    ObjectNode metadata = trace.path("metadata").isObject()
        ? (ObjectNode) trace.get("metadata")
        : trace.putObject("metadata");
    metadata.set(KEY, segments);
  }
}
