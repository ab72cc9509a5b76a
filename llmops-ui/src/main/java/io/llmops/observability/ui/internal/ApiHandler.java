package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON API under {@code /api/}: {@code traces} (a page of the list), {@code traces/<id>}
 * (one trace), {@code facets} (what the filters offer), {@code overview} (the charts' figures)
 * and {@code status} (counts).
 */
public final class ApiHandler {

  private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
  private static final Duration DEFAULT_OVERVIEW_RANGE = Duration.ofDays(30);

  private final TraceReader reader;
  private final IngestCounters counters;
  private final Clock clock;

  public ApiHandler(TraceReader reader, IngestCounters counters, Clock clock) {
    this.reader = reader;
    this.counters = counters;
    this.clock = clock;
  }

  void handle(HttpExchange exchange, String path) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
      HttpExchanges.sendError(exchange, 405, "only GET");
      return;
    }
    Map<String, String> parameters = HttpExchanges.query(exchange);
    try {
      if (path.equals("traces")) {
        HttpExchanges.sendJson(exchange, 200, reader.list(TraceQuery.of(parameters)));
      } else if (path.startsWith("traces/")) {
        trace(exchange, URLDecoder.decode(path.substring("traces/".length()), StandardCharsets.UTF_8));
      } else if (path.equals("facets")) {
        HttpExchanges.sendJson(exchange, 200, reader.facets());
      } else if (path.equals("overview")) {
        long to = parameters.containsKey("to") ? number("to", parameters.get("to")) : clock.millis() + 1;
        long from = parameters.containsKey("from")
            ? number("from", parameters.get("from")) : to - DEFAULT_OVERVIEW_RANGE.toMillis();
        HttpExchanges.sendJson(exchange, 200, reader.overview(from, to));
      } else if (path.equals("status")) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("traces", reader.count());
        status.putPOJO("counters", counters.snapshot());
        HttpExchanges.sendJson(exchange, 200, status);
      } else {
        HttpExchanges.sendError(exchange, 404, "no such API");
      }
    } catch (IllegalArgumentException e) {
      HttpExchanges.sendError(exchange, 400, e.getMessage());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "llmops-ui: a database read failed: " + e.getClass().getSimpleName()
          + " (SQLite code " + e.getErrorCode() + ")");
      HttpExchanges.sendError(exchange, 500, "database read failed");
    }
  }

  private void trace(HttpExchange exchange, String traceId) throws IOException, SQLException {
    StoredTrace stored = reader.trace(traceId);
    if (stored == null) {
      HttpExchanges.sendError(exchange, 404, "no such trace");
      return;
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("trace", stored.trace());
    answer.putPOJO("span_segments", stored.segmentOfSpan());
    HttpExchanges.sendJson(exchange, 200, answer);
  }

  private static long number(String field, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
  }
}
