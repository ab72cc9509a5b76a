package io.llmops.examples.rag;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.httpserver.LlmopsHttpFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A second service in the same JVM, as it would run in a process of its own: a JDK {@code
 * HttpServer} on 127.0.0.1 whose requests {@code llmops-httpserver}'s filter traces. Called with
 * the demo trace's headers, its work arrives as a child segment of that trace.
 */
final class ProfileService implements AutoCloseable {

  private final HttpServer server;

  private ProfileService(HttpServer server) {
    this.server = server;
  }

  static ProfileService start() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/profile/", ProfileService::handle).getFilters()
        .add(new LlmopsHttpFilter());
    server.start();
    return new ProfileService(server);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String user = exchange.getRequestURI().getPath().substring("/profile/".length());
    byte[] body = lookUp(user).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @TrackFunction(name = "look_up_profile")
  private static String lookUp(String user) {
    return "{\"user\":\"" + user.replaceAll("[^A-Za-z0-9_]", "") + "\",\"tier\":\"premium\","
        + "\"language\":\"en\"}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
