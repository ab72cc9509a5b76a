package io.llmops.observability.processor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} on the JDK's HTTP server: 200 while the service is healthy, 503 otherwise,
 * with its counters as JSON ({@code {"status":"up","received":12,...}}). Binds where it is told;
 * {@code ProcessorMain} binds 127.0.0.1 unless configured otherwise.
 */
public final class HealthEndpoint implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  private HealthEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves the health of {@code service} on {@code address} (port 0: any free port).
   *
   * @throws IOException when the address cannot be bound
   */
  public static HealthEndpoint start(SqsConsumerService service, InetSocketAddress address)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext("/health", exchange -> answer(exchange, service));
    server.start();
    return new HealthEndpoint(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, SqsConsumerService service) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals("/health")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      boolean healthy = service.healthy();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", healthy ? "up" : "down");
      body.putAll(service.counters());
      byte[] json = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(healthy ? 200 : 503, json.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(json);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
