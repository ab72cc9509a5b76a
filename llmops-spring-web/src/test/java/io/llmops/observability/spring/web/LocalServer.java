package io.llmops.observability.spring.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 with the answers the tests need: {@code /ok} (JSON and a
 * {@code Set-Cookie}), {@code /fail} (500), {@code /hang} (no answer until closed), {@code
 * /stream} (a large body in chunks); it remembers the last request's headers.
 */
final class LocalServer implements AutoCloseable {

  static final int STREAM_CHUNKS = 64;
  static final int CHUNK_BYTES = 16 * 1024;

  private final HttpServer server;
  private final CountDownLatch closing = new CountDownLatch(1);
  final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    lastHeaders.clear();
    exchange.getRequestHeaders().forEach((name, values) ->
        lastHeaders.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      switch (path) {
        case "/fail" -> answer(exchange, 500, "{\"error\":\"boom\"}");
        case "/hang" -> {
          awaitClosing();
          answer(exchange, 200, "{}");
        }
        case "/stream" -> stream(exchange);
        default -> {
          exchange.getResponseHeaders().add("Set-Cookie", "session=s3ss10nc00kie");
          answer(exchange, 200, "{\"answer\":42}");
        }
      }
    }
  }

  private void awaitClosing() {
    try {
      closing.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  /** Chunk {@code i} is {@code CHUNK_BYTES} bytes of the value {@code i}. */
  private static void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < STREAM_CHUNKS; i++) {
      byte[] chunk = new byte[CHUNK_BYTES];
      Arrays.fill(chunk, (byte) i);
      out.write(chunk);
      out.flush();
    }
  }

  static byte[] expectedStream() {
    byte[] all = new byte[STREAM_CHUNKS * CHUNK_BYTES];
    for (int i = 0; i < STREAM_CHUNKS; i++) {
      Arrays.fill(all, i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES, (byte) i);
    }
    return all;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
