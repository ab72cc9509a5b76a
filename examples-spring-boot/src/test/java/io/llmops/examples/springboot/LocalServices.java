package io.llmops.examples.springboot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The application's dependencies on 127.0.0.1: a weather service and an OpenAI-compatible Chat
 * Completions endpoint (non-streamed) that answers with usage.
 */
final class LocalServices implements AutoCloseable {

  static final String COMPLETION = """
      {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini",
       "choices":[{"index":0,"finish_reason":"stop",
                   "message":{"role":"assistant","content":"Take an umbrella."}}],
       "usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}""";

  private final HttpServer server;

  LocalServices() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/weather", exchange -> respond(exchange, "text/plain", "rain, 12 C"));
    server.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      respond(exchange, "application/json", COMPLETION);
    });
    server.start();
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url() {
    return "http://" + hostAndPort();
  }

  private static void respond(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
