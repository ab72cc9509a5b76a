package io.llmops.observability.ui.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's tables. {@code traces} holds one row per trace with the list's columns and the
 * trace JSON without its spans; {@code spans} one row per span with its JSON; {@code trace_tags}
 * and {@code trace_models} carry the trace's start so that a filter by tag or model walks one
 * index newest first; {@code segments} keeps the messages of traces that came in parts (a parent
 * and its child segments from the SDK's file sink), to merge again when a part arrives; the
 * {@link Rollups} tables sum the overview's figures by hour, and {@code trace_text} indexes the
 * words of inputs and outputs ({@link TraceText}).
 */
final class Schema {

  /**
   * 3: the overview's roll-ups ({@link Rollups}) and the text index ({@link TraceText}), both
   * filled from the stored traces when an older database is opened.
   */
  static final int VERSION = 3;

  private static final String[] STATEMENTS = {
      """
      CREATE TABLE IF NOT EXISTS traces (
        trace_id TEXT PRIMARY KEY, name TEXT NOT NULL, project TEXT NOT NULL,
        environment TEXT NOT NULL, user_id TEXT, session_id TEXT, tags TEXT NOT NULL,
        status TEXT NOT NULL, models TEXT NOT NULL, start_ms INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
        total_tokens INTEGER NOT NULL, cost REAL NOT NULL, span_count INTEGER NOT NULL,
        error_count INTEGER NOT NULL, scores TEXT NOT NULL, trace_json TEXT NOT NULL,
        stored_ms INTEGER NOT NULL)""",
      // The newest-first walk, and everything a search text reads on its way, so that it does not
      // read the wide rows (trace_json) of traces it does not keep.
      "DROP INDEX IF EXISTS traces_by_start",
      "CREATE INDEX IF NOT EXISTS traces_by_start_covering ON traces (start_ms DESC, trace_id DESC, name, user_id,"
          + " session_id, status, duration_ms, cost, total_tokens, scores)",
      "CREATE INDEX IF NOT EXISTS traces_by_name ON traces (name, start_ms DESC, trace_id DESC)",
      "CREATE INDEX IF NOT EXISTS traces_by_user ON traces (user_id, start_ms DESC, trace_id DESC)",
      "CREATE INDEX IF NOT EXISTS traces_by_session ON traces (session_id, start_ms DESC, trace_id DESC)",
      "CREATE INDEX IF NOT EXISTS traces_by_status ON traces (status, start_ms DESC, trace_id DESC)",
      """
      CREATE TABLE IF NOT EXISTS spans (
        trace_id TEXT NOT NULL, position INTEGER NOT NULL, span_id TEXT NOT NULL,
        parent_span_id TEXT, name TEXT NOT NULL, type TEXT NOT NULL, start_ms REAL NOT NULL,
        duration_ms INTEGER NOT NULL, status TEXT NOT NULL, model TEXT, segment_id TEXT,
        input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cost REAL NOT NULL,
        span_json TEXT NOT NULL, PRIMARY KEY (trace_id, position)) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS trace_tags (
        tag TEXT NOT NULL, start_ms INTEGER NOT NULL, trace_id TEXT NOT NULL,
        PRIMARY KEY (tag, start_ms, trace_id)) WITHOUT ROWID""",
      // Version 1's indexes for the overview, which reads the roll-ups now.
      "DROP INDEX IF EXISTS spans_by_start",
      "DROP INDEX IF EXISTS spans_with_model",
      "CREATE INDEX IF NOT EXISTS trace_tags_by_trace ON trace_tags (trace_id)",
      """
      CREATE TABLE IF NOT EXISTS trace_models (
        model TEXT NOT NULL, start_ms INTEGER NOT NULL, trace_id TEXT NOT NULL,
        PRIMARY KEY (model, start_ms, trace_id)) WITHOUT ROWID""",
      "CREATE INDEX IF NOT EXISTS trace_models_by_trace ON trace_models (trace_id)",
      """
      CREATE TABLE IF NOT EXISTS segments (
        trace_id TEXT NOT NULL, segment_id TEXT NOT NULL, message_json TEXT NOT NULL,
        PRIMARY KEY (trace_id, segment_id)) WITHOUT ROWID""",
  };

  private Schema() {}

  /** Creates what is missing; a database of this version is left as it is. */
  static void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int version;
      try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
        version = row.next() ? row.getInt(1) : 0;
      }
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      if (version < VERSION) {
        // Version 2's roll-ups had another layout; they are summed afresh anyway.
        for (String table : Rollups.NAMES) {
          statement.execute("DROP TABLE IF EXISTS " + table);
        }
      }
      for (String sql : Rollups.TABLES) {
        statement.execute(sql);
      }
      statement.execute(TraceText.TABLE);
      if (version < VERSION) {
        Rollups.rebuild(connection);
        TraceText.rebuild(connection);
      }
      statement.execute("PRAGMA user_version = " + VERSION);
    }
  }
}
