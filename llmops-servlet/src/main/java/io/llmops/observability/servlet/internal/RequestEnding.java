package io.llmops.observability.servlet.internal;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Ends a request's trace when its response is complete: when the chain returns, or, for a
 * request that went asynchronous, when the container completes it (the listener's {@code
 * onComplete}, which follows an error or a timeout too). Never throws.
 */
public final class RequestEnding implements AsyncListener {

  private final TracedRequest traced;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private volatile @Nullable Throwable failure;

  public RequestEnding(TracedRequest traced, HttpServletRequest request,
      HttpServletResponse response) {
    this.traced = traced;
    this.request = request;
    this.response = response;
  }

  /** The chain threw {@code error}, which the filter rethrows. */
  public void chainFailed(Throwable error) {
    failure = error;
    traced.failed(error);
  }

  /** The chain returned (or threw): ends the trace now, or when the async response completes. */
  public void chainReturned() {
    try {
      if (failure == null && request.isAsyncStarted()) {
        AsyncContext async = request.getAsyncContext();
        async.addListener(this, request, response);
        return;
      }
    } catch (RuntimeException e) {
      SdkLog.errorOnce("servlet-async-listener", "llmops: an async request's end could not be "
          + "awaited; its trace ends now", e);
    }
    end(failure != null && !isCommitted() ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : -1);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end(-1);
  }

  @Override
  public void onError(AsyncEvent event) {
    traced.failed(event.getThrowable());
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    traced.failed(new TimeoutException("the asynchronous request timed out"));
  }

  /** A new async cycle of the same request: this listener must register again to be told. */
  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this, request, response);
  }

  /** Ends with {@code status}, or the response's own when it is -1. */
  private void end(int status) {
    try {
      traced.route(ServletRequestView.matchedPattern(request));
      traced.status(status == -1 ? response.getStatus() : status);
    } catch (RuntimeException e) {
      SdkLog.errorOnce("servlet-response-status", "llmops: a response's status could not be read",
          e);
    }
    traced.end();
  }

  private boolean isCommitted() {
    try {
      return response.isCommitted();
    } catch (RuntimeException e) {
      return true;
    }
  }
}
