package io.llmops.observability.servlettests.app;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configures the application's own {@code llmops-core} from its context parameters (project and
 * trace folder) when it starts, and flushes it when it stops. Only in WARs that carry the core.
 */
public class LlmopsSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    Llmops.configure(LlmopsConfig.builder()
        .projectId(context.getInitParameter("llmops.project"))
        .sinks("file")
        .fileSinkDir(Path.of(context.getInitParameter("llmops.folder")))
        .build());
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    Llmops.shutdown(Duration.ofSeconds(10));
  }
}
