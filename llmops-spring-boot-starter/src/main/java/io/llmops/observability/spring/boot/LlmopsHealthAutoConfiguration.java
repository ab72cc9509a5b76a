package io.llmops.observability.spring.boot;

import io.llmops.observability.spring.boot.internal.DeliveryHealth;
import io.llmops.observability.spring.boot.internal.LlmopsBoot4HealthIndicator;
import io.llmops.observability.spring.boot.internal.LlmopsHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code llmops} component of Actuator's health endpoint, with Actuator on the class path:
 * each sink's state, the spillover backlog and the losses. It stays {@code UP} while a sink fails
 * unless {@code llmops.health.down-when-failing=true}: telemetry that cannot be delivered is no
 * reason to take the application out of service. Off with {@code llmops.health.enabled=false};
 * a bean named {@code llmopsHealthIndicator} of the application's replaces it.
 */
@AutoConfiguration(after = LlmopsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "llmops.health", name = "enabled", matchIfMissing = true)
public class LlmopsHealthAutoConfiguration {

  private static final String DOWN_WHEN_FAILING = "llmops.health.down-when-failing";

  private static DeliveryHealth deliveryHealth(Environment environment) {
    return new DeliveryHealth(environment.getProperty(DOWN_WHEN_FAILING, Boolean.class, false));
  }

  /** Spring Boot 4: the health API of the spring-boot-health module. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4Health {

    @Bean
    @ConditionalOnMissingBean(name = "llmopsHealthIndicator")
    LlmopsBoot4HealthIndicator llmopsHealthIndicator(Environment environment) {
      return new LlmopsBoot4HealthIndicator(deliveryHealth(environment));
    }
  }

  /** Spring Boot 3.5: the health API of spring-boot-actuator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class Boot3Health {

    @Bean
    @ConditionalOnMissingBean(name = "llmopsHealthIndicator")
    LlmopsHealthIndicator llmopsHealthIndicator(Environment environment) {
      return new LlmopsHealthIndicator(deliveryHealth(environment));
    }
  }
}
