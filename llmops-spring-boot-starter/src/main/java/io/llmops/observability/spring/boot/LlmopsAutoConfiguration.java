package io.llmops.observability.spring.boot;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.spring.boot.internal.ConfiguredRuntime;
import io.llmops.observability.spring.boot.internal.PropertyVariables;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Configures the SDK from the {@code llmops.*} properties (below its own sources: system
 * properties, environment, {@code .env}) when the context starts, and flushes what is queued
 * when it closes. An {@link LlmopsConfig} bean of the application's replaces the one built
 * from the properties.
 */
@AutoConfiguration
@EnableConfigurationProperties(LlmopsProperties.class)
public class LlmopsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  LlmopsConfig llmopsConfig(LlmopsProperties properties) {
    return PropertyVariables.config(properties, LlmopsConfig.builder());
  }

  @Bean
  @ConditionalOnMissingBean
  ConfiguredRuntime llmopsRuntime(LlmopsConfig config) {
    return new ConfiguredRuntime(config);
  }
}
