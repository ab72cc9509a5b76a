package io.llmops.observability.ui.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one page of the list. The table that drives the walk is the one whose index
 * matches the most selective filter: {@code trace_tags} for a tag, {@code trace_models} for a
 * model, else {@code traces}; rows come newest first as that index stores them, and the cursor
 * is a row-value comparison on the same columns, so no page sorts or skips rows.
 */
final class ListSql {

  private ListSql() {}

  /** The statement; its parameters are appended to {@code arguments} in order. */
  static String of(TraceQuery query, String columns, List<Object> arguments) {
    StringBuilder sql = new StringBuilder("SELECT ").append(columns);
    List<String> where = new ArrayList<>();
    String driver;
    if (query.tag() != null) {
      sql.append(" FROM trace_tags d JOIN traces t ON t.trace_id = d.trace_id");
      driver = "d";
      where.add("d.tag = ?");
      arguments.add(query.tag());
    } else if (query.model() != null) {
      sql.append(" FROM trace_models d JOIN traces t ON t.trace_id = d.trace_id");
      driver = "d";
      where.add("d.model = ?");
      arguments.add(query.model());
    } else {
      sql.append(" FROM traces t");
      driver = "t";
    }
    if (query.tag() != null && query.model() != null) {
      where.add("EXISTS (SELECT 1 FROM trace_models m WHERE m.trace_id = t.trace_id AND m.model = ?)");
      arguments.add(query.model());
    }
    equal(where, arguments, "t.name", query.name());
    equal(where, arguments, "t.user_id", query.user());
    equal(where, arguments, "t.session_id", query.session());
    equal(where, arguments, "t.status", query.status());
    if (query.search() != null) {
      String pattern = "%" + query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.add("(t.name LIKE ? ESCAPE '\\' OR t.user_id LIKE ? ESCAPE '\\'"
          + " OR t.session_id LIKE ? ESCAPE '\\' OR t.trace_id LIKE ? ESCAPE '\\')");
      for (int i = 0; i < 4; i++) {
        arguments.add(pattern);
      }
    }
    if (query.text() != null) {
      where.add("t.rowid IN (SELECT rowid FROM trace_text WHERE trace_text MATCH ?)");
      arguments.add(TraceText.match(query.text()));
    }
    if (query.fromMs() != null) {
      where.add(driver + ".start_ms >= ?");
      arguments.add(query.fromMs());
    }
    if (query.toMs() != null) {
      where.add(driver + ".start_ms < ?");
      arguments.add(query.toMs());
    }
    if (query.afterStartMs() != null) {
      where.add("(" + driver + ".start_ms, " + driver + ".trace_id) < (?, ?)");
      arguments.add(query.afterStartMs());
      arguments.add(query.afterTraceId());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY ").append(driver).append(".start_ms DESC, ")
        .append(driver).append(".trace_id DESC LIMIT ").append(query.limit() + 1);
    return sql.toString();
  }

  private static void equal(List<String> where, List<Object> arguments, String column, Object value) {
    if (value != null) {
      where.add(column + " = ?");
      arguments.add(value);
    }
  }
}
