package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
 * distribution of each evaluation's scores and labels.
 */
final class Overview {

  private static final int SCORE_BUCKETS = 10;
  private static final int MAX_NAMES = 30;

  private final Connection connection;
  private final long fromMs;
  private final long toMs;

  Overview(Connection connection, long fromMs, long toMs) {
    this.connection = connection;
    this.fromMs = fromMs;
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
    query("SELECT model, SUM(cost), SUM(input_tokens), SUM(output_tokens), COUNT(*) FROM spans"
        + " WHERE model IS NOT NULL AND start_ms >= ? AND start_ms < ? GROUP BY model ORDER BY 2 DESC, 1 LIMIT 20",
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
    query("SELECT strftime('%Y-%m-%d', start_ms / 1000, 'unixepoch'), SUM(cost), SUM(total_tokens), COUNT(*)"
        + " FROM traces WHERE start_ms >= ? AND start_ms < ? GROUP BY 1 ORDER BY 1",
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
    Map<String, List<long[]>> byName = new TreeMap<>();
    query("SELECT name, duration_ms, status = 'error' FROM traces WHERE start_ms >= ? AND start_ms < ?"
        + " ORDER BY name, duration_ms",
        result -> byName.computeIfAbsent(result.getString(1), name -> new ArrayList<>())
            .add(new long[] {result.getLong(2), result.getLong(3)}));
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    byName.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
        .limit(MAX_NAMES)
        .forEach(entry -> {
          List<long[]> sorted = entry.getValue();
          ObjectNode row = rows.addObject();
          row.put("name", entry.getKey());
          row.put("traces", sorted.size());
          row.put("p50_ms", percentile(sorted, 0.50));
          row.put("p90_ms", percentile(sorted, 0.90));
          row.put("p99_ms", percentile(sorted, 0.99));
          row.put("error_rate", sorted.stream().filter(d -> d[1] == 1).count() / (double) sorted.size());
        });
    return rows;
  }

  /** Nearest rank over durations sorted ascending. */
  private static long percentile(List<long[]> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1))[0];
  }

  private ArrayNode scores() throws SQLException {
    Map<String, List<Double>> numbers = new TreeMap<>();
    Map<String, Map<String, Integer>> labels = new TreeMap<>();
    query("SELECT scores FROM traces WHERE start_ms >= ? AND start_ms < ? AND scores <> '[]'", result -> {
      for (JsonNode score : StoredTrace.parseArray(result.getString(1))) {
        String name = score.path("name").asText();
        if (score.path("score").isNumber() && Double.isFinite(score.get("score").asDouble())) {
          numbers.computeIfAbsent(name, n -> new ArrayList<>()).add(score.get("score").asDouble());
        }
        if (score.path("label").isTextual()) {
          labels.computeIfAbsent(name, n -> new TreeMap<>()).merge(score.get("label").asText(), 1, Integer::sum);
        }
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

  private static ObjectNode histogram(String name, List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    // Scores are usually in [0, 1]: keep that scale when they fit it, so charts compare.
    if (min >= 0 && max <= 1) {
      min = 0;
      max = 1;
    }
    double width = max > min ? (max - min) / SCORE_BUCKETS : 1;
    int[] counts = new int[SCORE_BUCKETS];
    for (double value : values) {
      counts[Math.min(SCORE_BUCKETS - 1, (int) ((value - min) / width))]++;
    }
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("name", name);
    row.put("kind", "score");
    ArrayNode buckets = row.putArray("buckets");
    for (int i = 0; i < SCORE_BUCKETS; i++) {
      buckets.addObject()
          .put("label", String.format(java.util.Locale.ROOT, "%.2f–%.2f", min + i * width, min + (i + 1) * width))
          .put("count", counts[i]);
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
