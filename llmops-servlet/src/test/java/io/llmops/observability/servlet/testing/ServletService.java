package io.llmops.observability.servlet.testing;

import io.llmops.observability.servlet.LlmopsTracingFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedded servlet container on 127.0.0.1 and a free port, for one test: its servlets, the
 * filters in front of the tracing filter, and the tracing filter registered the documented way.
 */
public abstract class ServletService implements AutoCloseable {

  /** The containers the tests run on. */
  public enum Container {
    JETTY, TOMCAT;

    public ServletService create() {
      return this == JETTY ? new JettyService() : new TomcatService();
    }
  }

  protected final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
  private final List<Filter> filtersBefore = new ArrayList<>();

  /** Serves {@code mapping} (a servlet URL pattern) with {@code handler}. */
  public ServletService serve(String mapping, Handler handler) {
    servlets.put(mapping, handler.asServlet());
    return this;
  }

  /** Puts {@code filter} in front of the tracing filter. */
  public ServletService before(Filter filter) {
    filtersBefore.add(filter);
    return this;
  }

  /** Starts the container; the filters are registered as the application would. */
  public abstract ServletService start() throws Exception;

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** The port the started container listens on. */
  protected abstract int port();

  /** What registers the filters when the container starts. */
  protected ServletContainerInitializer filters() {
    return (classes, context) -> {
      for (int i = 0; i < filtersBefore.size(); i++) {
        context.addFilter("before-" + i, filtersBefore.get(i)).addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST), false, "/*");
      }
      LlmopsTracingFilter.register(context);
    };
  }
}
