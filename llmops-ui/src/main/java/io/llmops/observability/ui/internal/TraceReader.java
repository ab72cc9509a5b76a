package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the stored traces: a page of the list, one trace, the values the filters offer, and the
 * overview. Every list query walks one index newest first (by start, then by a tag's or model's
 * own index when that filter is set) and stops after a page, so a page costs the same at 100,000
 * traces as at 100. Thread-safe; reads are serialized on the read connection.
 */
public final class TraceReader {

  private static final String COLUMNS = "t.trace_id, t.name, t.project, t.environment, t.user_id,"
      + " t.session_id, t.tags, t.status, t.models, t.start_ms, t.duration_ms, t.input_tokens,"
      + " t.output_tokens, t.total_tokens, t.cost, t.span_count, t.error_count, t.scores";

  private final Connection connection;
  private final Object lock = new Object();

  TraceReader(Connection connection) {
    this.connection = connection;
  }

  /** A page: {@code {"traces": [...], "next_cursor": "..." or null}}. */
  public ObjectNode list(TraceQuery query) throws SQLException {
    List<Object> arguments = new ArrayList<>();
    String sql = ListSql.of(query, COLUMNS, arguments);
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    ArrayNode traces = page.putArray("traces");
    synchronized (lock) {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < arguments.size(); i++) {
          select.setObject(i + 1, arguments.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (traces.size() < query.limit() && rows.next()) {
            traces.add(row(rows));
          }
          boolean more = rows.next();
          ObjectNode last = traces.isEmpty() ? null : (ObjectNode) traces.get(traces.size() - 1);
          page.put("next_cursor", more && last != null
              ? last.get("start_ms").asLong() + ":" + last.get("trace_id").asText() : null);
        }
      }
    }
    return page;
  }

  /** One trace with its spans, or null. */
  public @Nullable StoredTrace trace(String traceId) throws SQLException {
    synchronized (lock) {
      return StoredTrace.load(connection, traceId);
    }
  }

  /** How many traces are stored. */
  public long count() throws SQLException {
    synchronized (lock) {
      try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM traces");
          ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /** The values each filter offers: names, users, sessions, tags, models (at most 200 each). */
  public ObjectNode facets() throws SQLException {
    ObjectNode facets = JsonNodeFactory.instance.objectNode();
    synchronized (lock) {
      distinct(facets.putArray("names"), "SELECT DISTINCT name FROM traces ORDER BY name");
      distinct(facets.putArray("users"), "SELECT DISTINCT user_id FROM traces WHERE user_id IS NOT NULL ORDER BY user_id");
      distinct(facets.putArray("tags"), "SELECT DISTINCT tag FROM trace_tags ORDER BY tag");
      distinct(facets.putArray("models"), "SELECT DISTINCT model FROM trace_models ORDER BY model");
    }
    return facets;
  }

  /** The overview's figures for traces started in {@code [fromMs, toMs)}. */
  public ObjectNode overview(long fromMs, long toMs) throws SQLException {
    synchronized (lock) {
      return new Overview(connection, fromMs, toMs).build();
    }
  }

  private void distinct(ArrayNode into, String sql) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql + " LIMIT 200");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        into.add(rows.getString(1));
      }
    }
  }

  private static ObjectNode row(ResultSet rows) throws SQLException {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    int i = 0;
    row.put("trace_id", rows.getString(++i));
    row.put("name", rows.getString(++i));
    row.put("project", rows.getString(++i));
    row.put("environment", rows.getString(++i));
    row.put("user_id", rows.getString(++i));
    row.put("session_id", rows.getString(++i));
    row.set("tags", StoredTrace.parseArray(rows.getString(++i)));
    row.put("status", rows.getString(++i));
    row.set("models", StoredTrace.parseArray(rows.getString(++i)));
    row.put("start_ms", rows.getLong(++i));
    row.put("duration_ms", rows.getLong(++i));
    row.put("input_tokens", rows.getLong(++i));
    row.put("output_tokens", rows.getLong(++i));
    row.put("total_tokens", rows.getLong(++i));
    row.put("cost", rows.getDouble(++i));
    row.put("span_count", rows.getInt(++i));
    row.put("error_count", rows.getInt(++i));
    row.set("scores", StoredTrace.parseArray(rows.getString(++i)));
    return row;
  }
}
