package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A trace as stored: its JSON with its spans back in place, and for spans that came in a child
 * segment merged here, that segment's id.
 *
 * @param segmentOfSpan span id to the {@code segment_id} of the child segment it came in
 */
public record StoredTrace(ObjectNode trace, Map<String, String> segmentOfSpan) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The stored trace {@code traceId}, or null. */
  static @Nullable StoredTrace load(Connection connection, String traceId) throws SQLException {
    ObjectNode trace;
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT trace_json FROM traces WHERE trace_id = ?")) {
      select.setString(1, traceId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        trace = parse(row.getString(1));
      }
    }
    ArrayNode spans = trace.putArray("spans");
    Map<String, String> segments = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT span_json, span_id, segment_id FROM spans WHERE trace_id = ? ORDER BY position")) {
      select.setString(1, traceId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          spans.add(parse(row.getString(1)));
          if (row.getString(3) != null) {
            segments.put(row.getString(2), row.getString(3));
          }
        }
      }
    }
    return new StoredTrace(trace, segments);
  }

  /** Reads JSON this store wrote itself. */
  static ObjectNode parse(String json) throws SQLException {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new SQLException("a stored JSON value is unreadable", e);
    }
  }

  /** Reads a JSON array this store wrote itself. */
  static ArrayNode parseArray(String json) throws SQLException {
    try {
      return (ArrayNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new SQLException("a stored JSON value is unreadable", e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Jackson tree always serializes", e);
    }
  }
}
