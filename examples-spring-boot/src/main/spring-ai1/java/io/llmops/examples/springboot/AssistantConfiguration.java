package io.llmops.examples.springboot;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A Spring AI {@link ChatClient} on the same OpenAI-compatible endpoint as {@link ChatModel}.
 * The models observe into the {@link ObservationRegistry} that llmops-spring-ai provides (or
 * Actuator's, which holds its handler), so each call is a generation span with no code; the
 * RestClient comes from Boot's builder, whose interceptor records the HTTP call onto that
 * generation instead of a second span. A stream's request goes through the WebClient, also from
 * Boot's builder, and asks the provider for the stream's usage.
 */
@Configuration(proxyBeanMethods = false)
public class AssistantConfiguration {

  @Bean
  OpenAiChatModel openAiChatModel(RestClient.Builder restClient, WebClient.Builder webClient,
      ObservationRegistry registry,
      @Value("${support.model-base-url}") String baseUrl,
      @Value("${support.model-api-key:none}") String apiKey) {
    OpenAiApi api = OpenAiApi.builder().baseUrl(baseUrl).apiKey(apiKey)
        .restClientBuilder(restClient).webClientBuilder(webClient).build();
    return OpenAiChatModel.builder().openAiApi(api)
        .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").streamUsage(true).build())
        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry).build())
        .observationRegistry(registry).build();
  }

  @Bean
  ChatClient chatClient(OpenAiChatModel model, ObservationRegistry registry) {
    return ChatClient.builder(model, registry, null, null).build();
  }
}
