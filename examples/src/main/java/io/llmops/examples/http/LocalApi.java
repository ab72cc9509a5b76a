package io.llmops.examples.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The API the demo calls: a JDK HttpServer on 127.0.0.1 that answers {@code /search} with JSON
 * and {@code /fail} with a 500.
 */
final class LocalApi implements AutoCloseable {

  private final HttpServer server;

  private LocalApi(HttpServer server) {
    this.server = server;
  }

  static LocalApi start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean fail = exchange.getRequestURI().getPath().startsWith("/fail");
      byte[] body = (fail ? "{\"error\":\"upstream down\"}" : "{\"results\":[\"Java 1.0, 1996\"]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return new LocalApi(server);
  }

  /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
