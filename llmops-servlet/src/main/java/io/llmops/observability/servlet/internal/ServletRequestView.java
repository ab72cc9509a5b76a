package io.llmops.observability.servlet.internal;

import io.llmops.observability.spi.InboundRequest;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A servlet request as {@link InboundRequest} reads it. */
public final class ServletRequestView implements InboundRequest {

  /** Spring MVC's request attribute: the pattern of the handler mapping that matched. */
  private static final String SPRING_PATTERN =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private final HttpServletRequest request;

  public ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return request.getRequestURI();
  }

  /**
   * The servlet mapping that matched, under the context path ({@code /api/chat/*}); null for the
   * default servlet, whose framework may name the route later ({@link #matchedPattern}).
   */
  @Override
  public @Nullable String route() {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    MappingMatch match = mapping.getMappingMatch();
    if (match == MappingMatch.DEFAULT) {
      return null;
    }
    String pattern = match == MappingMatch.CONTEXT_ROOT ? "/" : mapping.getPattern();
    return request.getContextPath() + pattern;
  }

  @Override
  public Iterable<String> headerNames() {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? List.of() : Collections.list(names);
  }

  @Override
  public @Nullable Iterable<String> headerValues(String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? null : Collections.list(values);
  }

  @Override
  public @Nullable String clientAddress() {
    return request.getRemoteAddr();
  }

  /** The route template a framework matched (Spring MVC's), or null; read once it has run. */
  static @Nullable String matchedPattern(HttpServletRequest request) {
    Object pattern = request.getAttribute(SPRING_PATTERN);
    return pattern == null ? null : request.getContextPath() + pattern;
  }
}
