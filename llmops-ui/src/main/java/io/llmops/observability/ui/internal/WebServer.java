package io.llmops.observability.ui.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/** The JDK's HTTP server with the viewer's routes: the page, {@code /api/} and OTLP's {@code /v1/traces}. */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WebServer.class.getName());

  private final HttpServer server;
  private final ExecutorService executor;

  private WebServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on {@code host:port} (port 0: a free one). */
  public static WebServer start(String host, int port, @Nullable String token,
      ApiHandler api, OtlpEndpoint otlp) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
    int bound = server.getAddress().getPort();
    AccessGuard guard = new AccessGuard(token, address.isLoopbackAddress()
        ? Set.of("127.0.0.1:" + bound, "localhost:" + bound, "[::1]:" + bound) : null);
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "llmops-ui-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> route(exchange, guard, api, otlp));
    server.start();
    return new WebServer(server, executor);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void route(HttpExchange exchange, AccessGuard guard, ApiHandler api, OtlpEndpoint otlp)
      throws IOException {
    try {
      if (!guard.hostAllowed(exchange)) {
        HttpExchanges.sendError(exchange, 403, "Host not allowed");
        return;
      }
      if (!guard.authorized(exchange, HttpExchanges.query(exchange).get("token"))) {
        HttpExchanges.sendError(exchange, 401, "token required");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(OtlpEndpoint.PATH)) {
        otlp.handle(exchange);
      } else if (path.startsWith("/api/")) {
        api.handle(exchange, path.substring("/api/".length()));
      } else {
        StaticFiles.handle(exchange, path.substring(1));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "llmops-ui: a request failed: " + e.getClass().getSimpleName());
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
