package io.llmops.observability.springai;

import io.llmops.observability.springai.internal.OpenAiHttpClientRegistrar;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link LlmopsObservationHandler} in a Spring Boot application, so every Spring AI
 * model and chat client call is recorded. With Actuator, Spring Boot's observation
 * auto-configuration adds every {@code ObservationHandler} bean to its
 * {@code ObservationRegistry}; without one (no Actuator, where Spring AI's models would observe
 * into a no-op registry), this configuration provides a registry holding the handler. Off with
 * {@code llmops.spring-ai.enabled=false}; a handler or registry bean of the application's own
 * replaces the one here.
 *
 * <p>With Spring AI 2, whose OpenAI models call the provider through OkHttp (not Spring's
 * {@code RestClient}), it also declares an {@code OpenAiHttpClientBuilderCustomizer} that adds
 * llmops-okhttp's recording interceptor to that client (off with
 * {@code llmops.http.client.enabled=false}, the starter's switch for HTTP clients).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({ObservationHandler.class, org.springframework.ai.chat.model.ChatModel.class})
@ConditionalOnProperty(prefix = "llmops.spring-ai", name = "enabled", matchIfMissing = true)
public class LlmopsSpringAiAutoConfiguration {

  /** The handler; Boot's observation auto-configuration registers it when present. */
  @Bean
  @ConditionalOnMissingBean
  public LlmopsObservationHandler llmopsObservationHandler() {
    return new LlmopsObservationHandler();
  }

  /** A registry for Spring AI's models when the application has none. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(ObservationRegistry.class)
  static class RegistryConfiguration {

    @Bean
    ObservationRegistry llmopsObservationRegistry(LlmopsObservationHandler handler) {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(handler);
      return registry;
    }
  }

  /** Spring AI 2's OpenAI models: their provider call, recorded through llmops-okhttp. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {OpenAiHttpClientRegistrar.CUSTOMIZER, "okhttp3.Interceptor"})
  @ConditionalOnProperty(prefix = "llmops.http.client", name = "enabled", matchIfMissing = true)
  @Import(OpenAiHttpClientRegistrar.class)
  static class OpenAiHttpClientConfiguration {}
}
