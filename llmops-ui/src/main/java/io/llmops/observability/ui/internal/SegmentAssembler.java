package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.processor.TraceMerger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one trace of the messages of a trace that came in parts (docs/WIRE_FORMAT.md §2a), as
 * the processor does: a trace's first message and its child segments are kept in
 * {@code segments} and merged with {@link TraceMerger} whenever a part arrives. A trace that
 * came whole (the usual case, and every file of the processor's local mode) is not kept twice.
 */
final class SegmentAssembler {

  /** The {@code segment_id} under which the trace's first message is kept. */
  private static final String FIRST_MESSAGE = "";

  private final Connection connection;

  SegmentAssembler(Connection connection) {
    this.connection = connection;
  }

  /** The trace to store now that {@code message} arrived. */
  StoredTrace assemble(DecodedTrace message) throws SQLException {
    if (!message.childSegment() && !hasParts(message.traceId())) {
      return new StoredTrace(message.trace(), Map.of());
    }
    if (message.childSegment() && !hasFirstMessage(message.traceId())) {
      StoredTrace stored = StoredTrace.load(connection, message.traceId());
      if (stored != null && !stored.trace().path("is_child_segment").asBoolean(false)) {
        keep(message.traceId(), FIRST_MESSAGE, stored.trace());
      }
    }
    keep(message.traceId(), message.childSegment() ? message.segmentId() : FIRST_MESSAGE, message.trace());
    return merged(message.traceId());
  }

  private StoredTrace merged(String traceId) throws SQLException {
    DecodedTrace first = null;
    List<DecodedTrace> children = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT segment_id, message_json FROM segments WHERE trace_id = ? ORDER BY segment_id")) {
      select.setString(1, traceId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ObjectNode trace = StoredTrace.parse(rows.getString(2));
          String segmentId = rows.getString(1);
          if (FIRST_MESSAGE.equals(segmentId)) {
            first = new DecodedTrace(traceId, null, false, trace.path("has_external_segments").asBoolean(false), trace);
          } else {
            children.add(new DecodedTrace(traceId, segmentId, true, trace.path("has_external_segments").asBoolean(false), trace));
          }
        }
      }
    }
    if (first == null) {
      // Only child segments so far: show the first one alone until its parent arrives.
      DecodedTrace alone = children.get(0);
      return new StoredTrace(alone.trace(), segmentOf(alone));
    }
    // The merger marks each attached span with its segment (llmops.segment_id), which the
    // writer stores as the span's segment.
    return new StoredTrace(TraceMerger.merge(first, children).trace(), Map.of());
  }

  private static Map<String, String> segmentOf(DecodedTrace child) {
    Map<String, String> spans = new HashMap<>();
    for (JsonNode span : child.trace().path("spans")) {
      spans.put(span.path("span_id").asText(), child.segmentId());
    }
    return spans;
  }

  private boolean hasParts(String traceId) throws SQLException {
    return exists("SELECT 1 FROM segments WHERE trace_id = ? LIMIT 1", traceId);
  }

  private boolean hasFirstMessage(String traceId) throws SQLException {
    return exists("SELECT 1 FROM segments WHERE trace_id = ? AND segment_id = ''", traceId);
  }

  private boolean exists(String sql, String traceId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, traceId);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private void keep(String traceId, String segmentId, ObjectNode trace) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR REPLACE INTO segments VALUES (?, ?, ?)")) {
      insert.setString(1, traceId);
      insert.setString(2, segmentId);
      insert.setString(3, StoredTrace.write(trace));
      insert.executeUpdate();
    }
  }
}
