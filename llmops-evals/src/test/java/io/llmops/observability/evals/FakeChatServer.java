package io.llmops.observability.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A chat-completions endpoint on 127.0.0.1 whose answers a test scripts: the assistant's text,
 * an HTTP error, a non-JSON body, or no answer at all (until the server is closed).
 */
final class FakeChatServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** What the server does with one request. */
  record Reply(int status, String body, boolean hangs) {

    static Reply assistant(String content) {
      try {
        return new Reply(200, JSON.writeValueAsString(JSON.createObjectNode()
            .put("id", "chatcmpl-1").put("object", "chat.completion")
            .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                .set("message", JSON.createObjectNode().put("role", "assistant")
                    .put("content", content))))), false);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static Reply status(int status, String body) {
      return new Reply(status, body, false);
    }

    static Reply hanging() {
      return new Reply(0, null, true);
    }
  }

  private final HttpServer server;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile Function<JsonNode, Reply> script;

  FakeChatServer(Function<JsonNode, Reply> script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  static FakeChatServer answering(String content) throws IOException {
    return new FakeChatServer(request -> Reply.assistant(content));
  }

  /** The judged texts a chat request carries: the JSON object between its data tags. */
  static JsonNode dataSection(JsonNode request) {
    String user = request.at("/messages/1/content").asText();
    try {
      return JSON.readTree(user.substring(user.indexOf("<data>") + "<data>".length(),
          user.indexOf("</data>")));
    } catch (IOException e) {
      throw new IllegalStateException("no data section in " + user, e);
    }
  }

  /** The built-in OpenAI-compatible judge, configured to ask this server. */
  Judge judge(String timeoutSeconds) {
    Map<String, String> env = Map.of(JudgeConfig.JUDGE, "openai", JudgeConfig.MODEL, "judge-1",
        JudgeConfig.BASE_URL, baseUrl(), JudgeConfig.TIMEOUT, timeoutSeconds);
    return JudgeConfig.from(name -> Optional.ofNullable(env.get(name))).createJudge().orElseThrow();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  void script(Function<JsonNode, Reply> next) {
    script = next;
  }

  List<JsonNode> requests() {
    return requests;
  }

  List<String> authorizations() {
    return authorizations;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(body);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      Reply reply = script.apply(body);
      if (reply.hangs()) {
        closed.await(30, TimeUnit.SECONDS);
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
