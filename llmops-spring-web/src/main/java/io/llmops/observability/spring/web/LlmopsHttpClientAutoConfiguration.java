package io.llmops.observability.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds {@link LlmopsClientHttpRequestInterceptor} to every {@code RestClient.Builder} and {@code
 * RestTemplateBuilder}, and {@link LlmopsExchangeFilterFunction} to every {@code
 * WebClient.Builder}, that Spring Boot hands out, once each, for the clients on the class path.
 * On unless {@code llmops.http.client.enabled=false}; {@code OutboundHttpInstrumentation} turns
 * the recording off and on again while the application runs.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "llmops.http.client", name = "enabled", matchIfMissing = true)
public class LlmopsHttpClientAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.web.client.RestClient",
      "org.springframework.boot.web.client.RestClientCustomizer"})
  static class RestClientConfiguration {

    @Bean
    RestClientCustomizer llmopsRestClientCustomizer() {
      return builder -> builder.requestInterceptors(interceptors -> {
        if (interceptors.stream().noneMatch(LlmopsClientHttpRequestInterceptor.class::isInstance)) {
          interceptors.add(new LlmopsClientHttpRequestInterceptor());
        }
      });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.springframework.web.client.RestTemplate",
      "org.springframework.boot.web.client.RestTemplateCustomizer"})
  static class RestTemplateConfiguration {

    @Bean
    RestTemplateCustomizer llmopsRestTemplateCustomizer() {
      return restTemplate -> {
        if (restTemplate.getInterceptors().stream()
            .noneMatch(LlmopsClientHttpRequestInterceptor.class::isInstance)) {
          restTemplate.getInterceptors().add(new LlmopsClientHttpRequestInterceptor());
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {
      "org.springframework.web.reactive.function.client.WebClient",
      "org.springframework.boot.web.reactive.function.client.WebClientCustomizer"})
  static class WebClientConfiguration {

    @Bean
    WebClientCustomizer llmopsWebClientCustomizer() {
      return builder -> builder.filters(filters -> {
        if (filters.stream().noneMatch(LlmopsExchangeFilterFunction.class::isInstance)) {
          filters.add(new LlmopsExchangeFilterFunction());
        }
      });
    }
  }
}
