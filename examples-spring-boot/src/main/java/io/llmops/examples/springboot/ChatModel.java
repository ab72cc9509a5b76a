package io.llmops.examples.springboot;

import io.llmops.observability.TrackLlmCall;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The model call: an OpenAI-compatible Chat Completions endpoint. The method returns the
 * response's JSON, from which the generation span reads the text, the usage and (with a price
 * for the model) the cost.
 */
@Component
public class ChatModel {

  private final RestClient http;
  private final String baseUrl;

  public ChatModel(RestClient http, @Value("${support.model-base-url}") String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  @TrackLlmCall(name = "chat", model = "gpt-4o-mini")
  public String complete(String prompt) {
    Map<String, Object> request = Map.of("model", "gpt-4o-mini",
        "messages", List.of(Map.of("role", "user", "content", prompt)));
    return http.post().uri(baseUrl + "/v1/chat/completions")
        .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(String.class);
  }
}
