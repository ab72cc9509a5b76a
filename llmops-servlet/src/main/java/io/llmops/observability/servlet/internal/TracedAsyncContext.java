package io.llmops.observability.servlet.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.TracedRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/** The container's {@link AsyncContext}, whose {@link #start} tasks run in the request's trace. */
final class TracedAsyncContext implements AsyncContext {

  private final AsyncContext async;
  private final TracedRequest traced;

  TracedAsyncContext(AsyncContext async, TracedRequest traced) {
    this.async = async;
    this.traced = traced;
  }

  @Override
  public void start(Runnable task) {
    async.start(() -> {
      try (Scope ignored = traced.makeCurrent()) {
        task.run();
      }
    });
  }

  @Override
  public ServletRequest getRequest() {
    return async.getRequest();
  }

  @Override
  public ServletResponse getResponse() {
    return async.getResponse();
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return async.hasOriginalRequestAndResponse();
  }

  @Override
  public void dispatch() {
    async.dispatch();
  }

  @Override
  public void dispatch(String path) {
    async.dispatch(path);
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    async.dispatch(context, path);
  }

  @Override
  public void complete() {
    async.complete();
  }

  @Override
  public void addListener(AsyncListener listener) {
    async.addListener(listener);
  }

  @Override
  public void addListener(AsyncListener listener, ServletRequest request,
      ServletResponse response) {
    async.addListener(listener, request, response);
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
    return async.createListener(type);
  }

  @Override
  public void setTimeout(long timeout) {
    async.setTimeout(timeout);
  }

  @Override
  public long getTimeout() {
    return async.getTimeout();
  }
}
