package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.jspecify.annotations.Nullable;

/**
 * Records an async client's call. The client runs this handler on the thread that called {@code
 * execute}, so the span starts under that thread's current span; it ends when the exchange
 * completes, fails or is cancelled ({@link TracedAsyncCallback}), on whichever thread that is.
 */
public final class AsyncCallHandler implements AsyncExecChainHandler {

  public static final AsyncCallHandler INSTANCE = new AsyncCallHandler();

  private AsyncCallHandler() {}

  @Override
  public void execute(HttpRequest request, @Nullable AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope, AsyncExecChain chain, AsyncExecCallback callback)
      throws HttpException, IOException {
    OutboundCall call = OutboundHttp.start(new Hc5Request(request, scope.route.getTargetHost(),
        true));
    if (call == null) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    // HopHeaderHandler, further down the chain, puts the trace headers on each hop's request.
    HopHeaders.keep(call, scope.clientContext, scope.route.getTargetHost());
    previewSimpleBody(call, scope.originalRequest);
    TracedAsyncCallback traced = new TracedAsyncCallback(call, scope.clientContext, callback);
    try (Scope ignored = call.makeCurrent()) {
      chain.proceed(request, entityProducer, scope, traced);
    } catch (Throwable e) {
      traced.failedToStart(e);
      throw e;
    }
  }

  /**
   * A {@code SimpleHttpRequest} holds its body in memory; any other producer's body is produced
   * as it is sent, and is not previewed.
   */
  private static void previewSimpleBody(OutboundCall call, HttpRequest original) {
    if (!call.previewsBodies() || !(original instanceof SimpleHttpRequest simple)) {
      return;
    }
    byte[] body = simple.getBodyBytes();
    ContentType type = simple.getContentType();
    if (body != null) {
      call.requestBody(type == null ? null : type.toString(), body,
          Math.min(body.length, call.previewBytes()));
    }
  }
}
