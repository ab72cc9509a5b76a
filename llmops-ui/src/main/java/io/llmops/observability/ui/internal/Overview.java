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
import java.util.Map;
import java.util.TreeMap;

/**
 * The overview's figures over a time range: cost and tokens by model (from the spans that
 * incurred them) and by day, latency percentiles and error rate by trace name, and the
 * distribution of each evaluation's scores and labels. Read from the {@link Rollups}, so its
 * cost depends on the hours, days and names in the range, not on the number of traces.
 */
final class Overview {

  private static final int SCORE_BUCKETS = 10;
  private static final int MAX_NAMES = 30;

  private final Connection connection;
  private final long fromMs;
  private final long toMs;

  /**
   * The roll-ups are by hour: a range that starts within an hour counts that whole hour, and
   * latency, kept by day, counts the whole first day.
   */
  Overview(Connection connection, long fromMs, long toMs) {
    this.connection = connection;
    this.fromMs = Math.floorDiv(fromMs, Rollups.HOUR_MS) * Rollups.HOUR_MS;
    this.toMs = toMs;
  }

  ObjectNode build() throws SQLException {
    ObjectNode overview = JsonNodeFactory.instance.objectNode();
    overview.set("by_model", byModel());
    overview.set("by_day", byDay());
    overview.set("by_name", byName());
    overview.set("scores", scores());
    return overview;
  }

  private ArrayNode byModel() throws SQLException {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    query("SELECT model, SUM(cost), SUM(input_tokens), SUM(output_tokens), SUM(spans) FROM rollup_models"
        + " WHERE hour_ms >= ? AND hour_ms < ? GROUP BY model HAVING SUM(spans) > 0 ORDER BY 2 DESC, 1 LIMIT 20",
        result -> {
          ObjectNode row = rows.addObject();
          row.put("model", result.getString(1));
          row.put("cost", result.getDouble(2));
          row.put("input_tokens", result.getLong(3));
          row.put("output_tokens", result.getLong(4));
          row.put("spans", result.getLong(5));
        });
    return rows;
  }

  private ArrayNode byDay() throws SQLException {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    // Grouped by day number first: formatting each summary row's date would cost more than the sums.
    query("SELECT strftime('%Y-%m-%d', day * 86400, 'unixepoch'), cost, tokens, traces FROM (SELECT hour_ms / 86400000 AS day,"
        + " SUM(cost) AS cost, SUM(tokens) AS tokens, SUM(traces) AS traces FROM rollup_traces"
        + " WHERE hour_ms >= ? AND hour_ms < ? GROUP BY day HAVING SUM(traces) > 0) ORDER BY day",
        result -> {
          ObjectNode row = rows.addObject();
          row.put("day", result.getString(1));
          row.put("cost", result.getDouble(2));
          row.put("tokens", result.getLong(3));
          row.put("traces", result.getLong(4));
        });
    return rows;
  }

  private ArrayNode byName() throws SQLException {
    Map<String, long[]> totals = new TreeMap<>();
    query("SELECT name, SUM(traces), SUM(errors) FROM rollup_traces WHERE hour_ms >= ? AND hour_ms < ?"
        + " GROUP BY name HAVING SUM(traces) > 0",
        result -> totals.put(result.getString(1), new long[] {result.getLong(2), result.getLong(3)}));
    Map<String, List<long[]>> byName = new TreeMap<>();
    query("SELECT name, duration_bucket, SUM(traces) FROM rollup_latency WHERE day_ms > ? - 86400000 AND day_ms < ?"
        + " GROUP BY name, duration_bucket HAVING SUM(traces) > 0 ORDER BY name, duration_bucket",
        result -> byName.computeIfAbsent(result.getString(1), name -> new ArrayList<>())
            .add(new long[] {Rollups.durationOf(result.getLong(2)), result.getLong(3)}));
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    totals.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(MAX_NAMES)
        .forEach(entry -> {
          long[] traces = entry.getValue();
          List<long[]> buckets = byName.getOrDefault(entry.getKey(), List.of());
          ObjectNode row = rows.addObject();
          row.put("name", entry.getKey());
          row.put("traces", traces[0]);
          if (!buckets.isEmpty()) {
            row.put("p50_ms", percentile(buckets, 0.50));
            row.put("p90_ms", percentile(buckets, 0.90));
            row.put("p99_ms", percentile(buckets, 0.99));
          }
          row.put("error_rate", traces[1] / (double) traces[0]);
        });
    return rows;
  }

  /** Nearest rank over {duration, traces} buckets sorted by duration. */
  private static long percentile(List<long[]> buckets, double p) {
    long traces = buckets.stream().mapToLong(b -> b[1]).sum();
    long rank = Math.max(1, (long) Math.ceil(p * traces));
    long seen = 0;
    for (long[] bucket : buckets) {
      seen += bucket[1];
      if (seen >= rank) {
        return bucket[0];
      }
    }
    return buckets.get(buckets.size() - 1)[0];
  }

  private ArrayNode scores() throws SQLException {
    Map<String, Map<Double, Long>> numbers = new TreeMap<>();
    Map<String, Map<String, Long>> labels = new TreeMap<>();
    query("SELECT name, kind, value, SUM(count) FROM rollup_scores WHERE hour_ms >= ? AND hour_ms < ?"
        + " GROUP BY name, kind, value HAVING SUM(count) > 0", result -> {
          if ("score".equals(result.getString(2))) {
            numbers.computeIfAbsent(result.getString(1), n -> new TreeMap<>()).put(result.getDouble(3), result.getLong(4));
          } else {
            labels.computeIfAbsent(result.getString(1), n -> new TreeMap<>()).put(result.getString(3), result.getLong(4));
          }
        });
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    numbers.forEach((name, values) -> rows.add(histogram(name, values)));
    labels.forEach((name, counts) -> {
      ObjectNode row = rows.addObject();
      row.put("name", name);
      row.put("kind", "label");
      ArrayNode buckets = row.putArray("buckets");
      counts.forEach((label, count) -> buckets.addObject().put("label", label).put("count", count));
    });
    return rows;
  }

  /** Ten buckets over the scores' range ([0, 1] when they fit it); {@code counts} by score. */
  private static ObjectNode histogram(String name, Map<Double, Long> counts) {
    double min = counts.keySet().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = counts.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    // Scores are usually in [0, 1]: keep that scale when they fit it, so charts compare.
    if (min >= 0 && max <= 1) {
      min = 0;
      max = 1;
    }
    double width = max > min ? (max - min) / SCORE_BUCKETS : 1;
    long[] perBucket = new long[SCORE_BUCKETS];
    for (Map.Entry<Double, Long> score : counts.entrySet()) {
      perBucket[Math.min(SCORE_BUCKETS - 1, (int) ((score.getKey() - min) / width))] += score.getValue();
    }
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("name", name);
    row.put("kind", "score");
    ArrayNode buckets = row.putArray("buckets");
    for (int i = 0; i < SCORE_BUCKETS; i++) {
      buckets.addObject()
          .put("label", String.format(java.util.Locale.ROOT, "%.2f–%.2f", min + i * width, min + (i + 1) * width))
          .put("count", perBucket[i]);
    }
    return row;
  }

  private void query(String sql, RowReader reader) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, fromMs);
      select.setLong(2, toMs);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }
}
