package io.llmops.observability.springai;

import io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor;
import io.llmops.observability.testing.OpenAiCompatibleServer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.OpenAiImageModel;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.openai.api.OpenAiImageApi;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.web.client.RestClient;

/** Spring AI's own OpenAI models, pointed at an {@link OpenAiCompatibleServer}. */
final class OpenAiModels {

  /** A model the SDK has a price for, served by an OpenAI-compatible gateway. */
  static final String MODEL = "claude-3-5-sonnet-20241022";

  private final OpenAiApi api;
  private final OpenAiCompatibleServer server;
  private final ObservationRegistry registry;

  /** Models observed by {@code registry}, whose RestClient has the SDK's outbound interceptor. */
  OpenAiModels(OpenAiCompatibleServer server, ObservationRegistry registry) {
    this.server = server;
    this.registry = registry;
    this.api = OpenAiApi.builder().baseUrl(server.baseUrl()).apiKey("test-key")
        .restClientBuilder(RestClient.builder()
            .requestInterceptor(new LlmopsClientHttpRequestInterceptor()))
        .build();
  }

  OpenAiChatModel chat(String model) {
    return OpenAiChatModel.builder().openAiApi(api)
        .defaultOptions(OpenAiChatOptions.builder().model(model).build())
        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry).build())
        .observationRegistry(registry).build();
  }

  ObservationRegistry registry() {
    return registry;
  }

  OpenAiEmbeddingModel embedding() {
    return new OpenAiEmbeddingModel(api, MetadataMode.EMBED,
        OpenAiEmbeddingOptions.builder().model("text-embedding-3-small").build(),
        RetryUtils.DEFAULT_RETRY_TEMPLATE, registry);
  }

  OpenAiImageModel image() {
    OpenAiImageApi images = OpenAiImageApi.builder().baseUrl(server.baseUrl())
        .apiKey("test-key").build();
    return new OpenAiImageModel(images, OpenAiImageOptions.builder().model("dall-e-3").build(),
        RetryUtils.DEFAULT_RETRY_TEMPLATE, registry);
  }
}
