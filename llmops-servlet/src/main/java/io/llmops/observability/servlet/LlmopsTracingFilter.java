package io.llmops.observability.servlet;

import io.llmops.observability.Scope;
import io.llmops.observability.servlet.internal.RequestEnding;
import io.llmops.observability.servlet.internal.ServletRequestView;
import io.llmops.observability.servlet.internal.TracedServletRequest;
import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.TracedRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;

/**
 * Traces a Servlet 6 application's requests: one trace per request (or the caller's child
 * segment when it sent trace headers), whose server span the handler's spans nest under, with
 * the method, path, route template (Spring MVC's matching pattern, else the servlet mapping),
 * status, client address, user agent and headers (redacted when exported). A synchronous request
 * ends when the chain returns; an asynchronous one when its response completes, and the work of
 * its {@code AsyncContext.start} tasks and async dispatches nests under it. Paths to skip and the
 * trace name are settings ({@link InboundHttp}). A request the SDK fails to trace is served
 * unchanged; the chain's exceptions are recorded and rethrown unchanged.
 *
 * <p>Register it first, for the {@code REQUEST} and {@code ASYNC} dispatches, with async support:
 * {@link #register(ServletContext)} does that from a {@code ServletContainerInitializer} or a
 * {@code ServletContextListener} declared in web.xml; Spring Boot takes a {@code
 * FilterRegistrationBean} (docs/DISTRIBUTED_TRACING.md).
 */
public final class LlmopsTracingFilter implements Filter {

  /** The name {@link #register} gives the filter. */
  public static final String NAME = "llmops-tracing";

  /** The request attribute holding the request's trace, for its later dispatches. */
  private static final String TRACED = LlmopsTracingFilter.class.getName() + ".traced";

  /**
   * Adds the filter to {@code context} in front of every other, for all paths, the {@code REQUEST}
   * and {@code ASYNC} dispatches, with async support.
   *
   * @return the registration, or null when a filter named {@value #NAME} is already registered
   * @throws IllegalArgumentException when {@code context} is null
   */
  public static FilterRegistration.@Nullable Dynamic register(ServletContext context) {
    if (context == null) {
      throw new IllegalArgumentException("context must not be null");
    }
    FilterRegistration.Dynamic registration = context.addFilter(NAME, new LlmopsTracingFilter());
    if (registration != null) {
      registration.setAsyncSupported(true);
      registration.addMappingForUrlPatterns(
          EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }
    return registration;
  }

  /**
   * The trace of {@code request} when this filter traces it, for filters after it (the user and
   * session of the request, say); null otherwise.
   */
  public static @Nullable TracedRequest tracedRequest(@Nullable ServletRequest request) {
    return request instanceof HttpServletRequest http ? tracedEarlier(http) : null;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    TracedRequest traced = tracedEarlier(http);
    if (traced != null) {
      continueTraced(traced, http, httpResponse, chain);
    } else if (http.getDispatcherType() == DispatcherType.REQUEST) {
      trace(http, httpResponse, chain);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static void trace(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    TracedRequest traced = InboundHttp.start(new ServletRequestView(request));
    if (traced == null) {
      chain.doFilter(request, response);
      return;
    }
    traced.responseHeaders().forEach(response::setHeader);
    RequestEnding ending = new RequestEnding(traced, request, response);
    HttpServletRequest passed = TracedServletRequest.wrap(request, traced, TRACED);
    try (Scope ignored = traced.makeCurrent()) {
      chain.doFilter(passed, response);
    } catch (Throwable e) {
      ending.chainFailed(e);
      throw e;
    } finally {
      ending.chainReturned();
    }
  }

  /**
   * An async dispatch of a traced request (or a forward, include or error dispatch, or a second
   * registration of this filter): it runs in the request's context and its end is the first
   * dispatch's business.
   */
  private static void continueTraced(TracedRequest traced, HttpServletRequest request,
      HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    if (request.getDispatcherType() != DispatcherType.ASYNC) {
      chain.doFilter(request, response);
      return;
    }
    try (Scope ignored = traced.makeCurrent()) {
      chain.doFilter(TracedServletRequest.wrap(request, traced, TRACED), response);
    } catch (Throwable e) {
      traced.failed(e);
      throw e;
    }
  }

  private static @Nullable TracedRequest tracedEarlier(HttpServletRequest request) {
    try {
      return request.getAttribute(TRACED) instanceof TracedRequest traced ? traced : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
