package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.servlet.LlmopsTracingFilter;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * Registers llmops-servlet's filter in front of the application's filters, through the
 * filter's own {@code register}, which adds nothing when a filter of that name is there
 * already. Internal.
 */
public final class TracingFilterInitializer implements ServletContextInitializer, Ordered {

  @Override
  public void onStartup(ServletContext servletContext) {
    LlmopsTracingFilter.register(servletContext);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
