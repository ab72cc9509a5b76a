package io.llmops.observability.okhttp.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.ContextHandOff;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The application interceptor that records each call (docs/OUTBOUND_HTTP.md, "OkHttp"). A call
 * that runs on another thread than the one that made it was enqueued: it is recorded as {@code
 * async} in the context noted at {@code newCall} ({@link CallOrigins}). The span ends when the
 * response headers arrive or the call fails; what OkHttp returns or throws passes unchanged.
 */
final class TracingInterceptor implements Interceptor {

  private static final Scope NOTHING = () -> { };

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallOrigins.Origin origin = CallOrigins.take(chain.call());
    boolean async = origin != null && !origin.isHere();
    try (Scope ignored = async ? ContextHandOff.attach(origin.context()) : NOTHING) {
      OutboundCall call = OutboundHttp.start(new OkHttpRequestView(request, async));
      return call == null ? chain.proceed(request) : proceedRecorded(chain, request, call);
    }
  }

  private static Response proceedRecorded(Chain chain, Request request, OutboundCall call)
      throws IOException {
    Request sent = withTraceHeaders(request, call);
    BodyPreviews.request(call, request);
    Response response;
    try (Scope ignored = call.makeCurrent()) {
      response = chain.proceed(sent);
    } catch (Throwable e) {
      call.failed(e);
      call.end();
      throw e;
    }
    call.response(response.code(), action -> OkHttpRequestView.giveEach(response.headers(),
        action));
    BodyPreviews.response(call, response);
    call.end();
    return response;
  }

  /** {@code request} with the trace headers the call sends, if any. */
  private static Request withTraceHeaders(Request request, OutboundCall call) {
    if (call.propagationHeaders().isEmpty()) {
      return request;
    }
    try {
      Request.Builder builder = request.newBuilder();
      call.inject(builder::header);
      return builder.build();
    } catch (RuntimeException e) {
      failed(e);
      return request;
    }
  }

  static void failed(@Nullable Throwable e) {
    SdkCounters.increment(OutboundHttp.COUNTER_FAILED);
    SdkLog.errorOnce("okhttp-call", "llmops: part of an OkHttp "
        + "call could not be recorded; the call is made as it was", e);
  }
}
