package io.llmops.observability.spring.boot;

import io.llmops.observability.spi.Weaving;
import io.llmops.observability.spring.boot.internal.TrackedMethodAdvisor;
import io.llmops.observability.spring.boot.internal.TrackedMethodInterceptor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * The {@code @Track*} annotations on Spring beans, through a Spring AOP advisor (no agent). The
 * advisor has the infrastructure role, so Spring Boot's auto-proxy creator applies it with or
 * without AspectJ on the class path. When the agent is installed (before or after), the agent
 * records the calls and the advisor stands back. Off with {@code llmops.annotations.enabled=false}.
 */
@AutoConfiguration(after = LlmopsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.aop.support.DefaultPointcutAdvisor")
@ConditionalOnProperty(prefix = "llmops.annotations", name = "enabled", matchIfMissing = true)
public class LlmopsAnnotationsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static TrackedMethodAdvisor llmopsTrackedMethodAdvisor() {
    if (!Weaving.isActive()) {
      Weaving.markActive(TrackedMethodInterceptor.WEAVER);
    }
    return new TrackedMethodAdvisor();
  }
}
