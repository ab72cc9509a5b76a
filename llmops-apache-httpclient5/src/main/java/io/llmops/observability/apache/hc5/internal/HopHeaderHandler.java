package io.llmops.observability.apache.hc5.internal;

import java.io.IOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.jspecify.annotations.Nullable;

/**
 * Sits inside the client's redirect and retry handling, where it sees every hop of a call, and
 * gives each the call's trace headers ({@link HopHeaders}). Classic and async alike.
 */
public final class HopHeaderHandler implements ExecChainHandler, AsyncExecChainHandler {

  public static final HopHeaderHandler INSTANCE = new HopHeaderHandler();

  private HopHeaderHandler() {}

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    HopHeaders.apply(scope.clientContext, request, scope.route.getTargetHost());
    return chain.proceed(request, scope);
  }

  @Override
  public void execute(HttpRequest request, @Nullable AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope, AsyncExecChain chain, AsyncExecCallback callback)
      throws HttpException, IOException {
    HopHeaders.apply(scope.clientContext, request, scope.route.getTargetHost());
    chain.proceed(request, entityProducer, scope, callback);
  }
}
