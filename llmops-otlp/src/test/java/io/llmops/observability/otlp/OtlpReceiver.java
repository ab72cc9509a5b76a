package io.llmops.observability.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP receiver on 127.0.0.1: it gunzips each request, decodes it with
 * opentelemetry-proto, keeps it, and answers as scripted (by default 200 with a JSON body, as
 * Langfuse does). A scripted {@link #hang()} answers nothing until the receiver stops. Langfuse's
 * scores API ({@value #SCORES}) is served too, with a script of its own: each JSON body is kept
 * as text, and the order of all requests by path ({@link #paths()}). Public for llmops-processor's
 * sink tests (through this module's test-jar).
 */
public final class OtlpReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(String path, Map<String, List<String>> headers, ExportTraceServiceRequest body) {

    public String header(String name) {
      return header(headers, name);
    }

    static String header(Map<String, List<String>> headers, String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }

    public List<Span> spans() {
      List<Span> spans = new ArrayList<>();
      for (ResourceSpans resource : body.getResourceSpansList()) {
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          spans.addAll(scope.getSpansList());
        }
      }
      return spans;
    }
  }

  /** One score request as received. */
  public record ScoreRequest(Map<String, List<String>> headers, String body) {

    String header(String name) {
      return Received.header(headers, name);
    }
  }

  static final String SCORES = "/api/public/scores";

  private record Answer(int status, Map<String, String> headers, String body, boolean hang) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<ScoreRequest> scores = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> scoreScript = new ConcurrentLinkedQueue<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.createContext(SCORES, this::handleScore);
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "otlp-receiver");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  public static OtlpReceiver start() {
    try {
      return new OtlpReceiver();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request is answered with {@code status}, these headers and body. */
  public OtlpReceiver answer(int status, Map<String, String> headers, String body) {
    script.add(new Answer(status, headers, body, false));
    return this;
  }

  public OtlpReceiver answer(int status) {
    return answer(status, Map.of(), "{}");
  }

  /** The next request gets no answer at all. */
  public OtlpReceiver hang() {
    script.add(new Answer(0, Map.of(), "", true));
    return this;
  }

  /** The next score request is answered with {@code status} and these headers. */
  OtlpReceiver answerScore(int status, Map<String, String> headers) {
    scoreScript.add(new Answer(status, headers, "{}", false));
    return this;
  }

  OtlpReceiver answerScore(int status) {
    return answerScore(status, Map.of());
  }

  /** The next score request gets no answer at all. */
  OtlpReceiver hangScore() {
    scoreScript.add(new Answer(0, Map.of(), "", true));
    return this;
  }

  public List<ScoreRequest> scoreRequests() {
    return scores;
  }

  /** The path of every request, in the order they arrived. */
  List<String> paths() {
    return paths;
  }

  public List<Received> requests() {
    return received;
  }

  /** Every span of every request received, in order. */
  public List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    for (Received request : received) {
      spans.addAll(request.spans());
    }
    return spans;
  }

  private void handleScore(HttpExchange exchange) throws IOException {
    try (exchange) {
      paths.add(exchange.getRequestURI().getPath());
      scores.add(new ScoreRequest(Map.copyOf(exchange.getRequestHeaders()),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      respond(exchange, scoreScript.poll());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      paths.add(exchange.getRequestURI().getPath());
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      InputStream in = new ByteArrayInputStream(raw);
      if (encoding != null && encoding.contains("gzip")) {
        in = new GZIPInputStream(in);
      }
      received.add(new Received(exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), ExportTraceServiceRequest.parseFrom(in)));
      respond(exchange, script.poll());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void respond(HttpExchange exchange, Answer scripted) throws IOException, InterruptedException {
    Answer answer = scripted == null ? new Answer(200, Map.of(), "{}", false) : scripted;
    if (answer.hang()) {
      stopped.await();
      return;
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  public static String hex(com.google.protobuf.ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  /** The attribute {@code key} of a span or resource, or null. */
  static AnyValue attribute(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue();
      }
    }
    return null;
  }

  public static String text(Span span, String key) {
    AnyValue value = attribute(span.getAttributesList(), key);
    return value == null ? null : value.getStringValue();
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
  }
}
