package io.llmops.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real server speaking the OpenAI Chat Completions, Embeddings and Images protocol on
 * 127.0.0.1, for the framework integrations' tests (Spring AI, LangChain4j): their own OpenAI
 * clients call it over HTTP.
 *
 * <ul>
 *   <li>{@code POST .../chat/completions}: answers {@link #ANSWER} in the requested model's name,
 *       as JSON or, with {@code "stream": true}, as server-sent events (ending with a usage chunk
 *       when {@code stream_options.include_usage} asks for it).
 *       A request offering tools whose messages hold no tool result yet is answered with a call
 *       of the first tool ({@link #TOOL_ARGUMENTS}); one holding a tool result with
 *       {@link #AFTER_TOOL}.</li>
 *   <li>A request for the model {@link #FAILING_MODEL} is refused with HTTP 400 and an OpenAI
 *       error body whose message is {@link #ERROR_MESSAGE}.</li>
 *   <li>{@code POST .../embeddings}: one 3-dimensional vector per input.</li>
 *   <li>{@code POST .../images/generations}: one image URL.</li>
 * </ul>
 * Usage is always {@link #PROMPT_TOKENS} prompt ({@link #CACHED_TOKENS} cached) and
 * {@link #COMPLETION_TOKENS} completion ({@link #REASONING_TOKENS} reasoning) tokens. Every
 * request body is kept ({@link #requests()}).
 */
public final class OpenAiCompatibleServer implements AutoCloseable {

  public static final String ANSWER = "Paris is the capital of France.";
  public static final String AFTER_TOOL = "It is sunny in Paris.";
  public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\"}";
  public static final String TOOL_CALL_ID = "call_weather_1";
  public static final String FAILING_MODEL = "no-such-model";
  public static final String ERROR_MESSAGE = "The model `no-such-model` does not exist";
  public static final int PROMPT_TOKENS = 12;
  public static final int CACHED_TOKENS = 4;
  public static final int COMPLETION_TOKENS = 7;
  public static final int REASONING_TOKENS = 2;
  public static final int EMBEDDING_TOKENS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  public OpenAiCompatibleServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code http://127.0.0.1:port} (clients add {@code /v1/...}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request bodies received so far, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(request);
      String path = exchange.getRequestURI().getPath();
      String model = request.path("model").asText("");
      if (FAILING_MODEL.equals(model)) {
        send(exchange, 400, "application/json", error());
      } else if (path.endsWith("/chat/completions") && request.path("stream").asBoolean()) {
        sendEvents(exchange, chunks(model, reply(request),
            request.path("stream_options").path("include_usage").asBoolean()));
      } else if (path.endsWith("/chat/completions")) {
        send(exchange, 200, "application/json", completion(model, reply(request)));
      } else if (path.endsWith("/embeddings")) {
        send(exchange, 200, "application/json", embeddings(model, request.path("input")));
      } else if (path.endsWith("/images/generations")) {
        send(exchange, 200, "application/json", image());
      } else {
        send(exchange, 404, "application/json", "{}");
      }
    }
  }

  /** What the model answers: text, or a call of the first tool offered. */
  private record Reply(String text, String toolName) {}

  private static Reply reply(JsonNode request) {
    JsonNode tools = request.path("tools");
    boolean toolAnswered = false;
    for (JsonNode message : request.path("messages")) {
      toolAnswered |= "tool".equals(message.path("role").asText());
    }
    if (tools.isArray() && !tools.isEmpty() && !toolAnswered) {
      return new Reply(null, tools.get(0).path("function").path("name").asText());
    }
    return new Reply(toolAnswered ? AFTER_TOOL : ANSWER, null);
  }

  private static String completion(String model, Reply reply) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1")
        .put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (reply.toolName() != null) {
      message.putNull("content");
      toolCall(message.putArray("tool_calls"), reply.toolName(), TOOL_ARGUMENTS);
      choice.put("finish_reason", "tool_calls");
    } else {
      message.put("content", reply.text());
      choice.put("finish_reason", "stop");
    }
    body.set("usage", usage());
    return JSON.writeValueAsString(body);
  }

  private static List<String> chunks(String model, Reply reply, boolean withUsage)
      throws IOException {
    List<String> events = new ArrayList<>();
    events.add(chunk(model, delta -> delta.put("role", "assistant").put("content", ""), null));
    if (reply.toolName() != null) {
      events.add(chunk(model, delta -> ((ObjectNode) toolCall(delta.putArray("tool_calls"),
          reply.toolName(), "").get(0)).put("index", 0), null));
      events.add(chunk(model, delta -> delta.putArray("tool_calls").addObject().put("index", 0)
          .putObject("function").put("arguments", TOOL_ARGUMENTS), null));
      events.add(chunk(model, delta -> { }, "tool_calls"));
    } else {
      for (String piece : reply.text().split("(?<= )")) {
        events.add(chunk(model, delta -> delta.put("content", piece), null));
      }
      events.add(chunk(model, delta -> { }, "stop"));
    }
    if (withUsage) {
      ObjectNode last = chunkBase(model);
      last.putArray("choices");
      last.set("usage", usage());
      events.add(JSON.writeValueAsString(last));
    }
    events.add("[DONE]");
    return events;
  }

  private interface DeltaWriter {
    void write(ObjectNode delta);
  }

  private static String chunk(String model, DeltaWriter delta, String finishReason)
      throws IOException {
    ObjectNode body = chunkBase(model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    delta.write(choice.putObject("delta"));
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return JSON.writeValueAsString(body);
  }

  private static ObjectNode chunkBase(String model) {
    return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
        .put("created", 1_700_000_000L).put("model", model);
  }

  private static ArrayNode toolCall(ArrayNode calls, String name, String arguments) {
    ObjectNode call = calls.addObject().put("id", TOOL_CALL_ID).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return calls;
  }

  private static ObjectNode usage() {
    ObjectNode usage = JSON.createObjectNode().put("prompt_tokens", PROMPT_TOKENS)
        .put("completion_tokens", COMPLETION_TOKENS)
        .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    usage.putObject("prompt_tokens_details").put("cached_tokens", CACHED_TOKENS);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", REASONING_TOKENS);
    return usage;
  }

  private static String embeddings(String model, JsonNode input) throws IOException {
    int count = input.isArray() ? input.size() : 1;
    ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", model);
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < count; i++) {
      data.addObject().put("object", "embedding").put("index", i)
          .putArray("embedding").add(0.1).add(0.2).add(0.3);
    }
    body.putObject("usage").put("prompt_tokens", EMBEDDING_TOKENS)
        .put("total_tokens", EMBEDDING_TOKENS);
    return JSON.writeValueAsString(body);
  }

  private static String image() throws IOException {
    ObjectNode body = JSON.createObjectNode().put("created", 1_700_000_000L);
    body.putArray("data").addObject().put("url", "http://127.0.0.1/image.png")
        .put("revised_prompt", "a lighthouse at dawn");
    return JSON.writeValueAsString(body);
  }

  private static String error() throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", ERROR_MESSAGE).put("type", "invalid_request_error")
        .putNull("param").put("code", "model_not_found");
    return JSON.writeValueAsString(body);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sendEvents(HttpExchange exchange, List<String> events) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (String event : events) {
      out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
