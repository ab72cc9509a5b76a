package io.llmops.observability.ui.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview's figures summed by hour (latency by day), kept in step with the stored rows so
 * that the overview reads summary rows instead of every trace in its range: a trace's share is
 * added once its rows are written and taken away before they are replaced or deleted.
 *
 * <ul>
 *   <li>{@code rollup_traces}: by hour and trace name, the traces, errors, cost and tokens.
 *   <li>{@code rollup_latency}: by day (UTC) and trace name, how many traces took how long.
 *       Durations under 100 ms are their own bucket; longer ones fall in buckets 2 % wide
 *       ({@code round(ln(ms) / ln(1.02))}), so a percentile read back is within 1 %. By day, not
 *       by hour: durations spread over up to 350 buckets, and hourly rows would be about as many
 *       as the traces.
 *   <li>{@code rollup_models}: by hour (of the span's start) and model, the cost, tokens and
 *       generation spans.
 *   <li>{@code rollup_scores}: by hour, evaluation name and kind, each score (to 4 decimals) or
 *       label and how often it was given.
 * </ul>
 */
final class Rollups {

  static final long HOUR_MS = 3_600_000;
  static final long DAY_MS = 86_400_000;
  /** Durations at or over this many ms are bucketed on a log scale. */
  static final int EXACT_BELOW_MS = 100;
  static final double BUCKET_RATIO = 1.02;

  static final String[] NAMES = {"rollup_traces", "rollup_latency", "rollup_models", "rollup_scores"};

  static final String[] TABLES = {
      """
      CREATE TABLE IF NOT EXISTS rollup_traces (
        hour_ms INTEGER NOT NULL, name TEXT NOT NULL, traces INTEGER NOT NULL, errors INTEGER NOT NULL,
        cost REAL NOT NULL, tokens INTEGER NOT NULL, PRIMARY KEY (hour_ms, name)) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS rollup_latency (
        day_ms INTEGER NOT NULL, name TEXT NOT NULL, duration_bucket INTEGER NOT NULL,
        traces INTEGER NOT NULL, PRIMARY KEY (day_ms, name, duration_bucket)) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS rollup_models (
        hour_ms INTEGER NOT NULL, model TEXT NOT NULL, cost REAL NOT NULL, input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (hour_ms, model)) WITHOUT ROWID""",
      // value: a score (REAL) or a label (TEXT), by kind.
      """
      CREATE TABLE IF NOT EXISTS rollup_scores (
        hour_ms INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, value NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (hour_ms, name, kind, value)) WITHOUT ROWID""",
  };

  // Each statement adds ?1 times the share of the rows {rows} selects (one trace, or all of them).
  private static final String TRACES = """
      INSERT INTO rollup_traces (hour_ms, name, traces, errors, cost, tokens)
      SELECT start_ms - start_ms % 3600000, name, ?1, ?1 * (status = 'error'), ?1 * cost, ?1 * total_tokens
      FROM traces WHERE {rows}
      ON CONFLICT DO UPDATE SET traces = traces + excluded.traces, errors = errors + excluded.errors,
        cost = cost + excluded.cost, tokens = tokens + excluded.tokens""";
  private static final String LATENCY = """
      INSERT INTO rollup_latency (day_ms, name, duration_bucket, traces)
      SELECT start_ms - start_ms % 86400000, name,
        CASE WHEN duration_ms < 100 THEN MAX(duration_ms, 0) ELSE CAST(round(ln(duration_ms) / ln(1.02)) AS INTEGER) END, ?1
      FROM traces WHERE {rows}
      ON CONFLICT DO UPDATE SET traces = traces + excluded.traces""";
  private static final String MODELS = """
      INSERT INTO rollup_models (hour_ms, model, cost, input_tokens, output_tokens, spans)
      SELECT CAST(start_ms / 3600000 AS INTEGER) * 3600000, model, ?1 * cost, ?1 * input_tokens,
        ?1 * output_tokens, ?1
      FROM spans WHERE model IS NOT NULL AND {rows}
      ON CONFLICT DO UPDATE SET cost = cost + excluded.cost, input_tokens = input_tokens + excluded.input_tokens,
        output_tokens = output_tokens + excluded.output_tokens, spans = spans + excluded.spans""";
  private static final String SCORES = """
      INSERT INTO rollup_scores (hour_ms, name, kind, value, count)
      SELECT start_ms - start_ms % 3600000, COALESCE(json_extract(s.value, '$.name'), 'evaluation'), k.kind,
        CASE k.kind WHEN 'score' THEN round(json_extract(s.value, '$.score'), 4) ELSE json_extract(s.value, '$.label') END,
        ?1
      FROM traces, json_each(traces.scores) s, (SELECT 'score' AS kind UNION ALL SELECT 'label') k
      WHERE {rows} AND CASE k.kind WHEN 'score' THEN json_type(s.value, '$.score') IN ('integer', 'real')
        ELSE json_type(s.value, '$.label') = 'text' END
      ON CONFLICT DO UPDATE SET count = count + excluded.count""";

  private final Connection connection;
  /** The statements for one trace, prepared once: preparing them costs more than running them. */
  private final List<PreparedStatement> forOneTrace = new ArrayList<>();

  Rollups(Connection connection) {
    this.connection = connection;
  }

  /** Adds the share of the trace {@code traceId} as stored now. */
  void add(String traceId) throws SQLException {
    apply(traceId, 1);
  }

  /** Takes away the share of the trace {@code traceId} as stored now (nothing if it is not). */
  void remove(String traceId) throws SQLException {
    apply(traceId, -1);
  }

  /** Deletes the summary rows whose counts fell to zero (their traces were deleted or changed). */
  void dropEmpty() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM rollup_traces WHERE traces <= 0");
      statement.execute("DELETE FROM rollup_latency WHERE traces <= 0");
      statement.execute("DELETE FROM rollup_models WHERE spans <= 0");
      statement.execute("DELETE FROM rollup_scores WHERE count <= 0");
    }
  }

  /** Sums every stored trace afresh, for a database written before the roll-ups existed. */
  static void rebuild(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : NAMES) {
        statement.execute("DELETE FROM " + table);
      }
      for (String sql : new String[] {TRACES, LATENCY, MODELS, SCORES}) {
        statement.execute(sql.replace("{rows}", "true").replace("?1", "1"));
      }
    }
  }

  /** The duration (ms) a bucket stands for: itself under 100 ms, else the bucket's centre. */
  static long durationOf(long bucket) {
    return bucket < EXACT_BELOW_MS ? bucket : Math.round(Math.pow(BUCKET_RATIO, bucket));
  }

  private void apply(String traceId, int sign) throws SQLException {
    if (forOneTrace.isEmpty()) {
      for (String sql : new String[] {TRACES, LATENCY, MODELS, SCORES}) {
        forOneTrace.add(connection.prepareStatement(sql.replace("{rows}", "trace_id = ?2")));
      }
    }
    for (PreparedStatement statement : forOneTrace) {
      statement.setInt(1, sign);
      statement.setString(2, traceId);
      statement.executeUpdate();
    }
  }
}
