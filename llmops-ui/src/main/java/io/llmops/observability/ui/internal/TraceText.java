package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of each trace's inputs and outputs (the trace's input and output; each span's input,
 * output, prompt and response) in an SQLite FTS5 index, for the list's {@code text} filter. The
 * index keeps no copy of the text ({@code content=''}); a trace's row has the rowid of its
 * {@code traces} row. At most {@value #MAX_CHARS} characters of a trace are indexed: the text
 * is redacted upstream already, and the bound keeps a huge trace from growing the index.
 */
final class TraceText {

  static final int MAX_CHARS = 65_536;

  static final String TABLE = "CREATE VIRTUAL TABLE IF NOT EXISTS trace_text USING fts5(body, content='',"
      + " contentless_delete=1, tokenize='unicode61 remove_diacritics 2')";

  private static final String[] TRACE_FIELDS = {"trace_input", "trace_output"};
  private static final String[] SPAN_FIELDS = {"input_data", "output_data", "prompt", "response"};
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private final Connection connection;
  // Prepared on first use and kept: the writer runs them for every trace it stores.
  private @Nullable PreparedStatement selectRowid;
  private @Nullable PreparedStatement delete;
  private @Nullable PreparedStatement insert;

  TraceText(Connection connection) {
    this.connection = connection;
  }

  /** Whether a trace is stored under {@code traceId}. */
  boolean isStored(String traceId) throws SQLException {
    return rowid(traceId) != null;
  }

  /** Removes the indexed text of the trace stored under {@code traceId}, if any. */
  void remove(String traceId) throws SQLException {
    Long rowid = rowid(traceId);
    if (rowid != null) {
      if (delete == null) {
        delete = connection.prepareStatement("DELETE FROM trace_text WHERE rowid = ?");
      }
      delete.setLong(1, rowid);
      delete.executeUpdate();
    }
  }

  /** Indexes {@code trace} (with its spans), stored under {@code traceId}. */
  void add(String traceId, JsonNode trace) throws SQLException {
    Long rowid = rowid(traceId);
    if (rowid == null) {
      return;
    }
    if (insert == null) {
      insert = connection.prepareStatement("INSERT INTO trace_text (rowid, body) VALUES (?, ?)");
    }
    insert.setLong(1, rowid);
    insert.setString(2, textOf(trace));
    insert.executeUpdate();
  }

  /** Indexes every stored trace, for a database written before the index existed. */
  static void rebuild(Connection connection) throws SQLException {
    TraceText text = new TraceText(connection);
    List<String> traceIds = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT trace_id FROM traces");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        traceIds.add(rows.getString(1));
      }
    }
    for (String traceId : traceIds) {
      StoredTrace stored = StoredTrace.load(connection, traceId);
      if (stored != null) {
        text.remove(traceId);
        text.add(traceId, stored.trace());
      }
    }
  }

  /**
   * The FTS5 query for what a user typed: every word must occur, the last one as a prefix (so
   * that a search narrows while typed); null when it holds no letter or digit.
   */
  static @Nullable String match(String typed) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(typed);
    while (word.find()) {
      words.add('"' + word.group() + '"');
    }
    if (words.isEmpty()) {
      return null;
    }
    words.set(words.size() - 1, words.get(words.size() - 1) + "*");
    return String.join(" ", words);
  }

  /** The text indexed for {@code trace}: string leaves of its inputs and outputs, bounded. */
  static String textOf(JsonNode trace) {
    StringBuilder text = new StringBuilder();
    for (String field : TRACE_FIELDS) {
      collect(trace.get(field), text);
    }
    for (JsonNode span : trace.path("spans")) {
      for (String field : SPAN_FIELDS) {
        collect(span.get(field), text);
      }
    }
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
  }

  private static void collect(@Nullable JsonNode value, StringBuilder text) {
    if (value == null || text.length() >= MAX_CHARS) {
      return;
    }
    if (value.isTextual()) {
      text.append(value.asText()).append('\n');
    } else if (value.isContainerNode()) {
      value.forEach(child -> collect(child, text));
    }
  }

  private @Nullable Long rowid(String traceId) throws SQLException {
    if (selectRowid == null) {
      selectRowid = connection.prepareStatement("SELECT rowid FROM traces WHERE trace_id = ?");
    }
    selectRowid.setString(1, traceId);
    try (ResultSet row = selectRowid.executeQuery()) {
      return row.next() ? row.getLong(1) : null;
    }
  }
}
