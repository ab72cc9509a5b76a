package io.llmops.observability.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HttpServer on 127.0.0.1 for the client tests: {@code /hello} (text and a cookie),
 * {@code /json} (a JSON body with a password), {@code /fail} (500), {@code /slow} (answers once
 * released), {@code /stream} (a body written in pieces), {@code /events} (an event stream) and
 * {@code /echo} (the request's body back); it keeps the last request's headers.
 */
final class LocalServer implements AutoCloseable {

  static final String JSON = "{\"user\":\"ann\",\"password\":\"p4ssw0rd!\",\"text\":\"hello\"}";
  static final String STREAM = "line one\nline two\nline three\n";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/hello", exchange -> {
      exchange.getResponseHeaders().add("Set-Cookie", "sid=abc123def");
      answer(exchange, 200, "text/plain", "hello");
    });
    server.createContext("/json", exchange -> answer(exchange, 200, "application/json", JSON));
    server.createContext("/fail", exchange -> answer(exchange, 500, "text/plain", "broken"));
    server.createContext("/events", exchange ->
        answer(exchange, 200, "text/event-stream", "data: {\"password\":\"p4ssw0rd!\"}\n\n"));
    server.createContext("/echo", exchange ->
        answer(exchange, 200, "text/plain", new String(exchange.getRequestBody().readAllBytes(),
            StandardCharsets.UTF_8)));
    server.createContext("/slow", exchange -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(exchange, 200, "text/plain", "late");
    });
    server.createContext("/stream", exchange -> {
      remember(exchange);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (String line : STREAM.split("(?<=\n)")) {
          out.write(line.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    });
    server.start();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    remember(exchange);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void remember(HttpExchange exchange) {
    lastHeaders.clear();
    exchange.getRequestHeaders().forEach((name, values) ->
        lastHeaders.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
