package io.llmops.observability.webflux.internal;

import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.SignalType;

/**
 * Ends a request's trace when its exchange terminates, before the terminal signal goes on to the
 * server (so the trace is complete when the client has its answer), with the route and the
 * status: the response's on completion; on an error, the status the error stands for ({@link
 * ErrorResponse}, 500 for any other, as WebFlux's error handlers answer after the filters have
 * returned); on a cancellation (the client went away), the response's if it was already sent.
 * Only a status of 500 and above marks the server span failed. Internal.
 */
public final class ExchangeEnding {

  /** Span metadata: the exchange was cancelled before the response was complete. */
  public static final String CANCELLED = "http.request.cancelled";

  private static final int SERVER_ERROR = 500;

  private final TracedRequest traced;
  private final ServerWebExchange exchange;

  public ExchangeEnding(TracedRequest traced, ServerWebExchange exchange) {
    this.traced = traced;
    this.exchange = exchange;
  }

  /** The response is complete. */
  public void completed() {
    end(SignalType.ON_COMPLETE, null);
  }

  /** The handler failed: the error is on its way to WebFlux's error handlers. */
  public void failed(Throwable error) {
    end(SignalType.ON_ERROR, error);
  }

  /** The exchange was cancelled (the client went away). */
  public void cancelled() {
    end(SignalType.CANCEL, null);
  }

  private void end(SignalType signal, @Nullable Throwable error) {
    try {
      traced.route(route());
      ServerHttpResponse response = exchange.getResponse();
      if (error != null) {
        int code = statusOf(error);
        traced.status(code);
        if (code >= SERVER_ERROR) {
          traced.failed(error);
        }
      } else if (signal != SignalType.CANCEL || response.isCommitted()) {
        HttpStatusCode status = response.getStatusCode();
        traced.status(status == null ? 200 : status.value());
      }
      if (signal == SignalType.CANCEL) {
        traced.span().setMetadata(CANCELLED, true);
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("webflux-ending", "llmops: a request's route or status was not read", e);
    }
    traced.end();
  }

  private @Nullable String route() {
    Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null) {
      pattern = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
    }
    return pattern == null ? null : pattern.toString();
  }

  private static int statusOf(Throwable failure) {
    return failure instanceof ErrorResponse response
        ? response.getStatusCode().value()
        : SERVER_ERROR;
  }
}
