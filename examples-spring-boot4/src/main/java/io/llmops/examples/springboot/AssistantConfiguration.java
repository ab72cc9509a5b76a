package io.llmops.examples.springboot;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring AI 2's {@link ChatClient} on the same OpenAI-compatible endpoint as {@link ChatModel}.
 * The models observe into the {@link ObservationRegistry} that llmops-spring-ai provides (or
 * Actuator's, which holds its handler), so each call is a generation span with no code. Spring
 * AI 2's OpenAI model calls the provider with the OpenAI SDK over OkHttp; the customizers
 * (llmops-spring-ai declares one adding llmops-okhttp's interceptor) are handed to it as Spring
 * AI's own auto-configuration does, so that call is recorded onto the generation. Streams ask
 * the provider for their usage.
 */
@Configuration(proxyBeanMethods = false)
public class AssistantConfiguration {

  // Spring AI 2.0 marks the builder's tool-calling manager for removal without a replacement
  // yet; it is how tool calls get the application's observation registry.
  @SuppressWarnings("removal")
  @Bean
  OpenAiChatModel openAiChatModel(ObservationRegistry registry,
      ObjectProvider<OpenAiHttpClientBuilderCustomizer> httpClientCustomizers,
      @Value("${support.model-base-url}") String baseUrl,
      @Value("${support.model-api-key:none}") String apiKey) {
    return OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(baseUrl + "/v1").apiKey(apiKey)
            .model("gpt-4o-mini").streamUsage(true).build())
        .httpClientBuilderCustomizers(httpClientCustomizers.orderedStream().toList())
        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry).build())
        .observationRegistry(registry).build();
  }

  @Bean
  ChatClient chatClient(OpenAiChatModel model, ObservationRegistry registry) {
    return ChatClient.builder(model, registry, null, null).build();
  }
}
