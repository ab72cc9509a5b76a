package io.llmops.observability.ui.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The page, its script and style, and the charting library's WebJar, from the class path. */
final class StaticFiles {

  private static final String WEB = "/io/llmops/observability/ui/web/";
  private static final Map<String, String[]> FILES = Map.of(
      "", new String[] {WEB + "index.html", "text/html; charset=utf-8"},
      "app.js", new String[] {WEB + "app.js", "text/javascript; charset=utf-8"},
      "app.css", new String[] {WEB + "app.css", "text/css; charset=utf-8"},
      "echarts.min.js", new String[] {
          "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js", "text/javascript; charset=utf-8"});

  private StaticFiles() {}

  static void handle(HttpExchange exchange, String path) throws IOException {
    String[] file = FILES.get(path);
    if (file == null || !("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod()))) {
      HttpExchanges.sendError(exchange, 404, "not found");
      return;
    }
    try (InputStream in = StaticFiles.class.getResourceAsStream(file[0])) {
      if (in == null) {
        HttpExchanges.sendError(exchange, 404, "not found");
        return;
      }
      HttpExchanges.send(exchange, 200, file[1], in.readAllBytes());
    }
  }
}
