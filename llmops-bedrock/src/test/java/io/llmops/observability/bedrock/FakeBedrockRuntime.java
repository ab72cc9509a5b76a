package io.llmops.observability.bedrock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering in Bedrock Runtime's wire format: JSON bodies for Converse and
 * InvokeModel, {@code application/vnd.amazon.eventstream} for the two streaming operations. Each
 * operation's answer is scripted by the test with {@link #answer}. Public for the agent's tests,
 * which build their clients with {@link TestClients}.
 */
public final class FakeBedrockRuntime implements AutoCloseable {

  /** How a streamed answer ends once its pieces are written. */
  public enum Ending {
    /** The body ends normally. */
    CLOSE,
    /** The connection stays open until the server is reset or closed. */
    HOLD_OPEN,
    /** The connection drops without ending the body, as a broken network would. */
    CUT_OFF
  }

  /** A scripted answer: status, content type, extra headers, the body in pieces, how it ends. */
  public record Answer(int status, String contentType, Map<String, String> headers, List<byte[]> pieces,
      Ending ending) {

    Answer(int status, String contentType, Map<String, String> headers, List<byte[]> pieces) {
      this(status, contentType, headers, pieces, Ending.CLOSE);
    }

    /** The same answer, but the connection stays open after the body until the server closes. */
    Answer heldOpen() {
      return new Answer(status, contentType, headers, pieces, Ending.HOLD_OPEN);
    }

    /** The same answer, but the connection drops after the pieces, before the body's end. */
    Answer cutOff() {
      return new Answer(status, contentType, headers, pieces, Ending.CUT_OFF);
    }

    public static Answer json(String body) {
      return new Answer(200, "application/json", Map.of(), List.of(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Answer error(int status, String errorType, String message) {
      return new Answer(status, "application/json", Map.of("x-amzn-ErrorType", errorType),
          List.of(("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    static Answer eventStream(byte[]... messages) {
      return new Answer(200, "application/vnd.amazon.eventstream", Map.of(), List.of(messages));
    }
  }

  /** A request the server received. */
  record Received(String method, String path, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private volatile CountDownLatch released = new CountDownLatch(1);
  final List<Received> received = new CopyOnWriteArrayList<>();

  public FakeBedrockRuntime() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      boolean cutOff = false;
      try {
        cutOff = respond(exchange);
      } finally {
        if (!cutOff) {
          exchange.close();
        }
      }
      if (cutOff) { // thrown before the exchange ends its body: the server drops the connection
        throw new IOException("connection cut off by the test");
      }
    });
    server.start();
  }

  /** Answers one exchange; true when the connection must be dropped instead of ended. */
  private boolean respond(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), path, new String(body, StandardCharsets.UTF_8)));
    String operation = path.substring(path.lastIndexOf('/') + 1);
    Answer answer = next(operation);
    if (answer == null) {
      answer = Answer.error(404, "ResourceNotFoundException", "no answer scripted for " + operation);
    }
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.getResponseHeaders().set("x-amzn-RequestId", "req-1");
    answer.headers().forEach(exchange.getResponseHeaders()::set);
    boolean stream = answer.contentType().contains("eventstream");
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    answer.pieces().forEach(whole::writeBytes);
    // A cut-off answer promises more than it sends (a chunked one would be read as complete)
    boolean cutOff = answer.ending() == Ending.CUT_OFF;
    exchange.sendResponseHeaders(answer.status(), cutOff ? whole.size() + 1 : stream ? 0 : whole.size());
    OutputStream out = exchange.getResponseBody();
    if (!stream) {
      out.write(whole.toByteArray());
      return false;
    }
    for (byte[] piece : answer.pieces()) { // one flush per message: chunks as a real stream
      out.write(piece);
      out.flush();
    }
    if (answer.ending() == Ending.HOLD_OPEN) {
      awaitRelease();
    }
    return cutOff;
  }

  private void awaitRelease() {
    try {
      released.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Forgets the scripted answers and received requests; releases held-open streams. */
  public void reset() {
    released.countDown();
    released = new CountDownLatch(1);
    answers.clear();
    received.clear();
  }

  /**
   * Scripts the answers to an operation (converse, converse-stream, invoke,
   * invoke-with-response-stream): one per request in order, the last one to every later request.
   */
  public FakeBedrockRuntime answer(String operation, Answer first, Answer... then) {
    Deque<Answer> inOrder = new ArrayDeque<>();
    inOrder.add(first);
    inOrder.addAll(List.of(then));
    answers.put(operation, inOrder);
    return this;
  }

  private Answer next(String operation) {
    Deque<Answer> inOrder = answers.get(operation);
    if (inOrder == null) {
      return null;
    }
    synchronized (inOrder) {
      return inOrder.size() > 1 ? inOrder.poll() : inOrder.peek();
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
