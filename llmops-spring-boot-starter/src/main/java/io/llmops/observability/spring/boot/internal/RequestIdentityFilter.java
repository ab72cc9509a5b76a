package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.servlet.LlmopsTracingFilter;
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
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;

/**
 * A servlet filter registered after every other (Spring Security's included, so the request it
 * sees answers {@code getUserPrincipal()}) that gives the request's trace its user and session
 * once the chain has returned, a login during the request included. Internal.
 */
public final class RequestIdentityFilter implements Filter {

  /** Registers the filter last: the initializer of the lowest precedence. */
  public static final class Initializer implements ServletContextInitializer, Ordered {
    private final RequestIdentity identity;

    public Initializer(RequestIdentity identity) {
      this.identity = identity;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
      FilterRegistration.Dynamic registration =
          servletContext.addFilter("llmops-identity", new RequestIdentityFilter(identity));
      if (registration != null) {
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
      }
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  private final RequestIdentity identity;

  RequestIdentityFilter(RequestIdentity identity) {
    this.identity = identity;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      TracedRequest traced = LlmopsTracingFilter.tracedRequest(request);
      if (traced != null && request instanceof HttpServletRequest http) {
        identity.identify(traced, http, http.getUserPrincipal(), http::getHeader,
            () -> sessionId(http));
      }
    }
  }

  private static String sessionId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getId();
  }
}
