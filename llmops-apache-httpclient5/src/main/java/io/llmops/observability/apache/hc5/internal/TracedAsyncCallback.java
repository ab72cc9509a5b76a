package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.spi.OutboundCall;
import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * The application's exchange callback, told after the call what it did: the span ends before
 * the application's future completes (at the end of the response body, which is what completes
 * it, or when the exchange fails or is cancelled), so a trace finished right after {@code
 * future.get()} holds the span, and its latency leaves out the application's own callback.
 */
final class TracedAsyncCallback implements AsyncExecCallback {

  private final OutboundCall call;
  private final HttpContext context;
  private final AsyncExecCallback delegate;

  TracedAsyncCallback(OutboundCall call, HttpContext context, AsyncExecCallback delegate) {
    this.call = call;
    this.context = context;
    this.delegate = delegate;
  }

  @Override
  public @Nullable AsyncDataConsumer handleResponse(HttpResponse response,
      @Nullable EntityDetails entityDetails) throws HttpException, IOException {
    call.response(response.getCode(), Hc5Request.headersOf(response));
    if (entityDetails == null) {
      end(); // no body: the application's future completes inside handleResponse
      return delegate.handleResponse(response, null);
    }
    AsyncDataConsumer body = delegate.handleResponse(response, entityDetails);
    return body == null ? null : new EndingDataConsumer(body, this::end);
  }

  @Override
  public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
    delegate.handleInformationResponse(response);
  }

  @Override
  public void completed() {
    end();
    delegate.completed();
  }

  @Override
  public void failed(Exception cause) {
    call.failed(cause);
    end();
    delegate.failed(cause);
  }

  /** The chain threw instead of starting the exchange; the client fails the future itself. */
  void failedToStart(Throwable cause) {
    call.failed(cause);
    end();
  }

  private void end() {
    HopHeaders.forget(context);
    call.end();
  }
}
