package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor;
import io.llmops.observability.spring.web.LlmopsExchangeFilterFunction;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Adds llmops-spring-web's interceptor to every {@code RestClient.Builder} and {@code
 * RestTemplate} bean and its filter to every {@code WebClient.Builder} bean, once each. Works on
 * Spring's own types, which Boot 3 and Boot 4 share (Boot 4 moved the customizer interfaces
 * llmops-spring-web's auto-configuration uses). Internal.
 */
public final class InstrumentedHttpClients implements BeanPostProcessor {

  private static final ClassLoader LOADER = InstrumentedHttpClients.class.getClassLoader();
  private static final boolean SERVLET_CLIENTS =
      ClassUtils.isPresent("org.springframework.web.client.RestClient", LOADER);
  private static final boolean WEB_CLIENT = ClassUtils.isPresent(
      "org.springframework.web.reactive.function.client.WebClient", LOADER);

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (SERVLET_CLIENTS) {
      BlockingClients.instrument(bean);
    }
    if (WEB_CLIENT) {
      ReactiveClients.instrument(bean);
    }
    return bean;
  }

  /** RestClient and RestTemplate; loaded only when spring-web is present. */
  private static final class BlockingClients {
    static void instrument(Object bean) {
      if (bean instanceof RestClient.Builder builder) {
        builder.requestInterceptors(interceptors -> {
          if (interceptors.stream().noneMatch(LlmopsClientHttpRequestInterceptor.class::isInstance)) {
            interceptors.add(new LlmopsClientHttpRequestInterceptor());
          }
        });
      } else if (bean instanceof RestTemplate template && template.getInterceptors().stream()
          .noneMatch(LlmopsClientHttpRequestInterceptor.class::isInstance)) {
        template.getInterceptors().add(new LlmopsClientHttpRequestInterceptor());
      }
    }
  }

  /** WebClient; loaded only when spring-webflux is present. */
  private static final class ReactiveClients {
    static void instrument(Object bean) {
      if (bean instanceof WebClient.Builder builder) {
        builder.filters(filters -> {
          if (filters.stream().noneMatch(LlmopsExchangeFilterFunction.class::isInstance)) {
            filters.add(new LlmopsExchangeFilterFunction());
          }
        });
      }
    }
  }
}
