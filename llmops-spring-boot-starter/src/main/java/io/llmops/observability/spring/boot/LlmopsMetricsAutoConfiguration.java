package io.llmops.observability.spring.boot;

import io.llmops.observability.spring.boot.internal.StatsMeters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for {@code Llmops.stats()}, with Micrometer on the class path; Spring Boot
 * binds them to every registry. Off with {@code llmops.metrics.enabled=false}.
 */
@AutoConfiguration(after = LlmopsAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnProperty(prefix = "llmops.metrics", name = "enabled", matchIfMissing = true)
public class LlmopsMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  StatsMeters llmopsStatsMeters() {
    return new StatsMeters();
  }
}
