package io.llmops.observability.servlet.internal;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the chain sees it: unchanged, but for the {@link AsyncContext} it hands out,
 * whose {@code start} tasks run in the request's trace context.
 */
public final class TracedServletRequest extends HttpServletRequestWrapper {

  private final TracedRequest traced;

  private TracedServletRequest(HttpServletRequest request, TracedRequest traced) {
    super(request);
    this.traced = traced;
  }

  /**
   * {@code request} to pass down the chain, its trace kept under {@code attribute} for the later
   * dispatches; the request itself when that fails (it is then served as it came).
   */
  public static HttpServletRequest wrap(HttpServletRequest request, TracedRequest traced,
      String attribute) {
    try {
      request.setAttribute(attribute, traced);
      return new TracedServletRequest(request, traced);
    } catch (RuntimeException e) {
      SdkLog.errorOnce("servlet-request-wrap", "llmops: an async request's tasks will not be "
          + "traced", e);
      return request;
    }
  }

  @Override
  public AsyncContext startAsync() {
    return new TracedAsyncContext(super.startAsync(), traced);
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    return new TracedAsyncContext(super.startAsync(request, response), traced);
  }

  @Override
  public AsyncContext getAsyncContext() {
    return new TracedAsyncContext(super.getAsyncContext(), traced);
  }
}
