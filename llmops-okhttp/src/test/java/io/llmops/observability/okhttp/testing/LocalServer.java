package io.llmops.observability.okhttp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 for the tests: {@code /ok} (text), {@code /json} (a JSON body
 * with a secret), {@code /fail} (500), {@code /stream} (chunked text of {@link #STREAM_CHUNKS}),
 * {@code /events} (an SSE body of known length), {@code /hang} (no answer until closed). It keeps
 * each request's {@code traceparent} header and body.
 */
public final class LocalServer implements AutoCloseable {

  public static final String JSON = "{\"user\":\"ann\",\"api_key\":\"sk-live-0123456789abcdef\","
      + "\"text\":\"hello\"}";
  public static final List<String> STREAM_CHUNKS = List.of("first line\n", "second line\n",
      "third line\n");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<String> traceparents = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  public LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The span name OkHttp calls to this server get for {@code method}. */
  public String spanName(String method) {
    return method + " 127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code traceparent} of each request, {@code "none"} when it had none. */
  public List<String> traceparents() {
    return traceparents;
  }

  /** The body of each request. */
  public List<String> bodies() {
    return bodies;
  }

  /** A URL on 127.0.0.1 where nothing listens. */
  public static String refusingUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/refused";
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
    traceparents.add(traceparent == null ? "none" : traceparent);
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    try (exchange) {
      switch (exchange.getRequestURI().getPath()) {
        case "/json" -> answer(exchange, 200, "application/json", JSON);
        case "/fail" -> answer(exchange, 500, "text/plain", "it broke");
        case "/events" -> answer(exchange, 200, "text/event-stream", "data: tick\n\n");
        case "/stream" -> stream(exchange);
        case "/hang" -> hang(exchange);
        default -> {
          exchange.getResponseHeaders().add("Set-Cookie", "sid=cookie-secret-value");
          answer(exchange, 200, "text/plain", "hello");
        }
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (String chunk : STREAM_CHUNKS) {
      out.write(chunk.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private void hang(HttpExchange exchange) {
    try {
      closing.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
