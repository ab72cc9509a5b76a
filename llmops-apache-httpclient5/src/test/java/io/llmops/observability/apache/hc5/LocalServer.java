package io.llmops.observability.apache.hc5;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on 127.0.0.1 for one test: {@code /ok}, {@code /fail} (500), {@code
 * /redirect} (302 to {@code /ok}), {@code /away} (302 to {@code /ok} on {@code localhost}), {@code /slow} (answers after 3 s), {@code /stream} (a
 * chunked body of {@link #STREAM_CHUNKS} lines). Remembers the headers of every request.
 */
final class LocalServer implements AutoCloseable {

  static final int STREAM_CHUNKS = 200;

  /** The path and the headers of each request served, in order. */
  record Received(String path, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/ok", exchange -> answer(exchange, 200, "text/plain", "hello"));
    server.createContext("/json", exchange -> answer(exchange, 200, "application/json",
        "{\"access_token\":\"tok-123456789\",\"text\":\"hi\"}"));
    server.createContext("/fail", exchange -> answer(exchange, 500, "text/plain", "boom"));
    server.createContext("/redirect", exchange -> redirect(exchange, "/ok"));
    server.createContext("/away", exchange -> redirect(exchange,
        "http://localhost:" + port() + "/ok"));
    server.createContext("/slow", exchange -> {
      record(exchange);
      try {
        Thread.sleep(3_000);
        answer(exchange, 200, "text/plain", "late");
      } catch (InterruptedException e) {
        exchange.close();
      }
    });
    server.createContext("/stream", exchange -> {
      record(exchange);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < STREAM_CHUNKS; i++) {
          out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    server.start();
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    record(exchange);
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.getResponseHeaders().add("Set-Cookie", "sid=cookie-secret-42");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void redirect(HttpExchange exchange, String location) throws IOException {
    record(exchange);
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void record(HttpExchange exchange) {
    received.add(new Received(exchange.getRequestURI().getPath(),
        Map.copyOf(exchange.getRequestHeaders())));
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
