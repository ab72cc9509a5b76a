package io.llmops.observability.spring.boot;

import io.llmops.observability.servlet.LlmopsTracingFilter;
import io.llmops.observability.spring.boot.internal.InstrumentedHttpClients;
import io.llmops.observability.spring.boot.internal.RequestIdentity;
import io.llmops.observability.spring.boot.internal.RequestIdentityFilter;
import io.llmops.observability.spring.boot.internal.RequestIdentityWebFilter;
import io.llmops.observability.spring.boot.internal.TracingFilterInitializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbound filter of a servlet application (llmops-servlet's, registered once, in front of
 * the others; {@code llmops.servlet.enabled}) and the client spans of the {@code RestClient},
 * {@code RestTemplate} and {@code WebClient} beans ({@code llmops.http.client.enabled}, as
 * llmops-spring-web's own auto-configuration reads it). The WebFlux {@code WebFilter} comes
 * from llmops-webflux's auto-configuration ({@code llmops.webflux.enabled}). A request's trace
 * takes its user and session from the request ({@code llmops.identity.*}), or as the
 * application's {@link LlmopsRequestIdentityResolver} bean chooses, through a filter that runs
 * after the application's (Spring Security's included).
 */
@AutoConfiguration(after = LlmopsAutoConfiguration.class)
public class LlmopsWebAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  @ConditionalOnProperty(prefix = "llmops.servlet", name = "enabled", matchIfMissing = true)
  static class ServletConfiguration {

    /** Backs off for a filter bean of the application's; Boot registers that one. */
    @Bean
    @ConditionalOnMissingBean({LlmopsTracingFilter.class, TracingFilterInitializer.class})
    TracingFilterInitializer llmopsTracingFilterInitializer() {
      return new TracingFilterInitializer();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "llmops.identity", name = "enabled", matchIfMissing = true)
    RequestIdentityFilter.Initializer llmopsRequestIdentity(LlmopsProperties properties,
        ObjectProvider<LlmopsRequestIdentityResolver> resolver) {
      return new RequestIdentityFilter.Initializer(
          new RequestIdentity(properties.getIdentity(), resolver.getIfUnique()));
    }
  }

  /** The user and session of a WebFlux request's trace (the WebFilter is llmops-webflux's). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
  @ConditionalOnProperty(prefix = "llmops.webflux", name = "enabled", matchIfMissing = true)
  static class ReactiveConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "llmops.identity", name = "enabled", matchIfMissing = true)
    RequestIdentityWebFilter llmopsRequestIdentityWebFilter(LlmopsProperties properties,
        ObjectProvider<LlmopsRequestIdentityResolver> resolver) {
      return new RequestIdentityWebFilter(
          new RequestIdentity(properties.getIdentity(), resolver.getIfUnique()));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.web.client.RestTemplate")
  @ConditionalOnProperty(prefix = "llmops.http.client", name = "enabled", matchIfMissing = true)
  static class HttpClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static InstrumentedHttpClients llmopsInstrumentedHttpClients() {
      return new InstrumentedHttpClients();
    }
  }
}
