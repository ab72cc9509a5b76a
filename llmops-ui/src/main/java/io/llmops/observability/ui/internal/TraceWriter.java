package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodedTrace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stores traces: an upsert by trace id (the trace sent again with more spans replaces the one
 * stored), child segments merged with their parent, and retention. Thread-safe; writes are
 * serialized.
 */
public final class TraceWriter {

  private static final int RETENTION_BATCH = 500;

  private final Connection connection;
  private final Object lock = new Object();
  private final SegmentAssembler segments;
  private final Rollups rollups;
  private final TraceText text;

  TraceWriter(Connection connection) {
    this.connection = connection;
    this.segments = new SegmentAssembler(connection);
    this.rollups = new Rollups(connection);
    this.text = new TraceText(connection);
  }

  /** Stores {@code traces} in one transaction: all or, on an SQL error, none. */
  public void upsert(List<DecodedTrace> traces) throws SQLException {
    synchronized (lock) {
      inTransaction(() -> {
        for (DecodedTrace decoded : traces) {
          StoredTrace whole = segments.assemble(decoded);
          replace(whole.trace(), whole.segmentOfSpan());
        }
      });
    }
  }

  /**
   * Joins each partial trace (spans that arrived over OTLP, see {@link SpanJoiner}) to the trace
   * stored under its id, in one transaction.
   */
  public void joinSpans(List<ObjectNode> partialTraces) throws SQLException {
    synchronized (lock) {
      inTransaction(() -> {
        for (ObjectNode part : partialTraces) {
          StoredTrace stored = StoredTrace.load(connection, part.get("trace_id").asText());
          ObjectNode joined = SpanJoiner.join(stored == null ? null : stored.trace(), part);
          replace(joined, stored == null ? Map.of() : stored.segmentOfSpan());
        }
      });
    }
  }

  /** Deletes traces that started before {@code oldestStartMs}; returns how many. */
  public int deleteStartedBefore(long oldestStartMs) throws SQLException {
    synchronized (lock) {
      int deleted = 0;
      List<String> batch;
      do {
        batch = oldest("WHERE start_ms < " + oldestStartMs);
        delete(batch);
        deleted += batch.size();
      } while (batch.size() == RETENTION_BATCH);
      return deleted;
    }
  }

  /**
   * Deletes the oldest traces until the pages in use take at most {@code maxBytes}; returns how
   * many. Freed pages are reused by later writes; the file itself does not shrink.
   */
  public int shrinkTo(long maxBytes) throws SQLException {
    synchronized (lock) {
      int deleted = 0;
      while (usedBytes() > maxBytes) {
        List<String> batch = oldest("");
        if (batch.isEmpty()) {
          break;
        }
        delete(batch);
        deleted += batch.size();
      }
      return deleted;
    }
  }

  /** The bytes of the pages that hold data. */
  public long usedBytes() throws SQLException {
    synchronized (lock) {
      try (Statement statement = connection.createStatement()) {
        return (pragma(statement, "page_count") - pragma(statement, "freelist_count"))
            * pragma(statement, "page_size");
      }
    }
  }

  private static long pragma(Statement statement, String name) throws SQLException {
    try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  private List<String> oldest(String where) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT trace_id FROM traces " + where
            + " ORDER BY start_ms, trace_id LIMIT " + RETENTION_BATCH)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private void delete(List<String> traceIds) throws SQLException {
    if (traceIds.isEmpty()) {
      return;
    }
    inTransaction(() -> {
      for (String id : traceIds) {
        rollups.remove(id);
        text.remove(id);
      }
      for (String table : new String[] {"traces", "spans", "trace_tags", "trace_models", "segments"}) {
        try (PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM " + table + " WHERE trace_id = ?")) {
          for (String id : traceIds) {
            delete.setString(1, id);
            delete.addBatch();
          }
          delete.executeBatch();
        }
      }
      rollups.dropEmpty();
    });
  }

  private void replace(ObjectNode trace, Map<String, String> segmentOfSpan) throws SQLException {
    TraceSummary summary = TraceSummary.of(trace);
    String id = summary.traceId();
    // A trace seen for the first time (the usual case) has no share to take away.
    if (text.isStored(id)) {
      rollups.remove(id);
      text.remove(id);
    }
    for (String table : new String[] {"spans", "trace_tags", "trace_models"}) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE trace_id = ?")) {
        delete.setString(1, id);
        delete.executeUpdate();
      }
    }
    ObjectNode withoutSpans = trace.deepCopy();
    JsonNode spans = withoutSpans.remove("spans");
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR REPLACE INTO traces VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int i = 0;
      insert.setString(++i, id);
      insert.setString(++i, summary.name());
      insert.setString(++i, summary.project());
      insert.setString(++i, summary.environment());
      insert.setString(++i, summary.userId());
      insert.setString(++i, summary.sessionId());
      insert.setString(++i, StoredTrace.write(summary.tags()));
      insert.setString(++i, summary.status());
      insert.setString(++i, StoredTrace.write(summary.models()));
      insert.setLong(++i, summary.startMs());
      insert.setLong(++i, summary.durationMs());
      insert.setLong(++i, summary.inputTokens());
      insert.setLong(++i, summary.outputTokens());
      insert.setLong(++i, summary.totalTokens());
      insert.setDouble(++i, summary.cost());
      insert.setInt(++i, summary.spanCount());
      insert.setInt(++i, summary.errorCount());
      insert.setString(++i, StoredTrace.write(summary.scores()));
      insert.setString(++i, StoredTrace.write(withoutSpans));
      insert.setLong(++i, System.currentTimeMillis());
      insert.executeUpdate();
    }
    text.add(id, trace);
    insertSpans(id, spans, segmentOfSpan);
    insertKeys("trace_tags", summary.tags(), summary);
    insertKeys("trace_models", summary.models(), summary);
    rollups.add(id);
  }

  private void insertSpans(String traceId, JsonNode spans, Map<String, String> segmentOfSpan) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO spans VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int position = 0;
      for (JsonNode span : spans) {
        String spanId = span.path("span_id").asText();
        int i = 0;
        insert.setString(++i, traceId);
        insert.setInt(++i, position++);
        insert.setString(++i, spanId);
        insert.setString(++i, span.path("parent_span_id").isTextual() ? span.get("parent_span_id").asText() : null);
        insert.setString(++i, span.path("span_name").asText(""));
        insert.setString(++i, span.path("span_type").asText("span"));
        insert.setDouble(++i, span.path("start_time").asDouble(0) * 1000);
        insert.setLong(++i, span.path("duration_ms").asLong(0));
        insert.setString(++i, span.path("status").asText("success"));
        insert.setString(++i, span.path("model_id").isTextual() ? span.get("model_id").asText() : null);
        insert.setString(++i, segmentOfSpan.getOrDefault(spanId, markedSegment(span)));
        insert.setLong(++i, span.path("usage").path("input_tokens").asLong(0));
        insert.setLong(++i, span.path("usage").path("output_tokens").asLong(0));
        double cost = span.path("cost").path("total_cost").asDouble(0);
        insert.setDouble(++i, Double.isFinite(cost) && cost > 0 ? cost : 0);
        insert.setString(++i, StoredTrace.write(span));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The child segment a merge (here or in the processor) marked the span with, or null. */
  private static @Nullable String markedSegment(JsonNode span) {
    JsonNode segment = span.path("metadata").path("llmops.segment_id");
    return segment.isTextual() ? segment.asText() : null;
  }

  private void insertKeys(String table, List<String> keys, TraceSummary summary) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR IGNORE INTO " + table + " VALUES (?,?,?)")) {
      for (String key : keys) {
        insert.setString(1, key);
        insert.setLong(2, summary.startMs());
        insert.setString(3, summary.traceId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void inTransaction(SqlWork work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private interface SqlWork {
    void run() throws SQLException;
  }
}
