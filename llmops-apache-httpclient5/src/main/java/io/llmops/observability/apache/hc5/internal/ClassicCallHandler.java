package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import java.io.IOException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * Records a classic client's call: the span ends when the response head is in (the handler
 * returns) or the call throws; what the client threw is rethrown unchanged.
 */
public final class ClassicCallHandler implements ExecChainHandler {

  public static final ClassicCallHandler INSTANCE = new ClassicCallHandler();

  private ClassicCallHandler() {}

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope,
      ExecChain chain) throws IOException, HttpException {
    OutboundCall call = OutboundHttp.start(new Hc5Request(request, scope.route.getTargetHost(),
        false));
    if (call == null) {
      return chain.proceed(request, scope);
    }
    // HopHeaderHandler, further down the chain, puts the trace headers on each hop's request
    // (the client's own copies; the application's request is left as it was).
    HopHeaders.keep(call, scope.clientContext, scope.route.getTargetHost());
    EntityPreviews.request(call, request.getEntity());
    ClassicHttpResponse response;
    try (Scope ignored = call.makeCurrent()) {
      response = chain.proceed(request, scope);
    } catch (Throwable e) {
      call.failed(e);
      call.end();
      throw e;
    } finally {
      HopHeaders.forget(scope.clientContext);
    }
    call.response(response.getCode(), Hc5Request.headersOf(response));
    EntityPreviews.response(call, response.getEntity());
    call.end();
    return response;
  }
}
