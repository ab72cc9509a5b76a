package io.llmops.observability.springai;

import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;

/**
 * Spring AI 2.0's own OpenAI models (on the official OpenAI Java SDK), pointed at an
 * {@link OpenAiCompatibleServer} and observed by one registry.
 */
final class OpenAi2Models {

  /** A model the SDK has a price for, served by an OpenAI-compatible gateway. */
  static final String MODEL = "claude-3-5-sonnet-20241022";

  private final String baseUrl;
  private final ObservationRegistry registry;

  OpenAi2Models(OpenAiCompatibleServer server, ObservationRegistry registry) {
    this.baseUrl = server.baseUrl() + "/v1";
    this.registry = registry;
  }

  // Spring AI 2.0 marks the builder's tool-calling manager for removal without a replacement
  // yet; it is how the tool calls get the test's observation registry.
  OpenAiChatModel chat(String model) {
    return chat(model, List.of());
  }

  /** A chat model whose HTTP client each of {@code customizers} customizes, as Spring AI's does. */
  @SuppressWarnings("removal")
  OpenAiChatModel chat(String model, List<OpenAiHttpClientBuilderCustomizer> customizers) {
    return OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey("test-key").model(model)
            .build())
        .httpClientBuilderCustomizers(customizers)
        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry).build())
        .observationRegistry(registry).build();
  }

  OpenAiEmbeddingModel embedding() {
    return OpenAiEmbeddingModel.builder()
        .options(OpenAiEmbeddingOptions.builder().baseUrl(baseUrl).apiKey("test-key")
            .model("text-embedding-3-small").build())
        .observationRegistry(registry).build();
  }

  ObservationRegistry registry() {
    return registry;
  }
}
