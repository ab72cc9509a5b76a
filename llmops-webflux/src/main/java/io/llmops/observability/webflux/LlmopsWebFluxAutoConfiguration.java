package io.llmops.observability.webflux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * Registers {@link LlmopsWebFilter} in a reactive Spring Boot application, unless the
 * application declares its own. {@code llmops.webflux.enabled=false} (or excluding it with
 * {@code spring.autoconfigure.exclude}) traces no request.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "llmops.webflux", name = "enabled", matchIfMissing = true)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class LlmopsWebFluxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  LlmopsWebFilter llmopsWebFilter() {
    return new LlmopsWebFilter();
  }
}
