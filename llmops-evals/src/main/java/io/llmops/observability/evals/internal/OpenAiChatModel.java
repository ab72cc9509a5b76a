package io.llmops.observability.evals.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.Scope;
import io.llmops.observability.evals.ChatModel;
import io.llmops.observability.evals.JudgeException;
import io.llmops.observability.spi.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, LiteLLM) on the JDK
 * HttpClient: {@code POST <base>/chat/completions}, temperature 0, the first choice's message
 * content. The API key is sent as a bearer token and never logged. Internal.
 */
public final class OpenAiChatModel implements ChatModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient client;

  public OpenAiChatModel(String baseUrl, String model, String apiKey, Duration timeout) {
    this.endpoint = endpoint(baseUrl);
    this.model = model;
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  static URI endpoint(String baseUrl) {
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
  }

  @Override
  public CompletableFuture<String> complete(String system, String user) {
    HttpRequest request;
    try {
      ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0);
      ArrayNode messages = body.putArray("messages");
      messages.addObject().put("role", "system").put("content", system);
      messages.addObject().put("role", "user").put("content", user);
      HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (apiKey != null) {
        builder.header("Authorization", "Bearer " + apiKey);
      }
      request = builder.build();
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(
          new JudgeException("backend_error", "could not build the judge request: " + e, e));
    }
    CompletableFuture<HttpResponse<String>> call;
    try (Scope ownCall = OutboundHttp.suppress()) { // the judge's call is not the application's
      call = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
    return call.handle((response, error) -> {
      if (error != null) {
        throw failure(error);
      }
      return content(response);
    });
  }

  private RuntimeException failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof HttpTimeoutException) {
      return new JudgeException("timeout", "the judge at " + endpoint.getHost()
          + " did not answer within " + timeout.toMillis() + " ms", cause);
    }
    return new JudgeException("backend_error", "the judge at " + endpoint.getHost()
        + " could not be reached: " + cause.getClass().getSimpleName(), cause);
  }

  private String content(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new JudgeException("backend_error", "the judge at " + endpoint.getHost()
          + " answered HTTP " + response.statusCode());
    }
    JsonNode root;
    try {
      root = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new JudgeException(VerdictParser.UNREADABLE,
          "the judge's response is not chat-completions JSON", e);
    }
    JsonNode content = root == null ? null : root.at("/choices/0/message/content");
    if (content == null || !content.isTextual()) {
      throw new JudgeException(VerdictParser.UNREADABLE,
          "the judge's response has no choices[0].message.content");
    }
    return content.asText();
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("backend", "openai", "model", model, "endpoint_host", String.valueOf(endpoint.getHost()));
  }
}
