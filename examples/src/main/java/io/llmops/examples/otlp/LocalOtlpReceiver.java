package io.llmops.examples.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * What a backend receives, for the demo: an OTLP/HTTP receiver on 127.0.0.1 (any path ending in
 * {@code /v1/traces}, so both the {@code otlp} sink's and Langfuse's OTLP path) that gunzips and
 * decodes each request with opentelemetry-proto, and Langfuse's scores API, whose JSON bodies it
 * keeps as text. Answers 200 {@code {}}, as Langfuse does.
 */
final class LocalOtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final List<String> scores = new CopyOnWriteArrayList<>();

  private LocalOtlpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handleTraces);
    server.createContext("/api/public/scores", this::handleScore);
    server.start();
  }

  static LocalOtlpReceiver start() throws IOException {
    return new LocalOtlpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Span> spans() {
    return spans;
  }

  List<String> scores() {
    return scores;
  }

  private void handleTraces(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      InputStream body = new ByteArrayInputStream(exchange.getRequestBody().readAllBytes());
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      if (encoding != null && encoding.contains("gzip")) {
        body = new GZIPInputStream(body);
      }
      List<Span> received = new ArrayList<>();
      for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          received.addAll(scope.getSpansList());
        }
      }
      spans.addAll(received);
      answer(exchange);
    }
  }

  private void handleScore(HttpExchange exchange) throws IOException {
    try (exchange) {
      scores.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      answer(exchange);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
