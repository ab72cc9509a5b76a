package io.llmops.observability.jdkhttp.internal;

import io.llmops.observability.spi.JdkHttp;
import io.llmops.observability.spi.OutboundCall;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One recorded call through the JDK client: the request to send (a copy with the trace headers
 * when the host is to get them, otherwise the application's own), the body handler to use (the
 * application's, wrapped only for a body preview), and the call's end with its outcome. Never
 * throws; {@link #finish} counts once.
 */
public final class TracedSend<T> {

  private final OutboundCall call;
  private final HttpRequest request;
  private final BodyHandler<T> handler;
  private final @Nullable PreviewingBodyHandler<T> previewing;
  private final AtomicBoolean finished = new AtomicBoolean();

  private TracedSend(OutboundCall call, HttpRequest request, BodyHandler<T> handler,
      @Nullable PreviewingBodyHandler<T> previewing) {
    this.call = call;
    this.request = request;
    this.handler = handler;
    this.previewing = previewing;
  }

  /** Prepares {@code request} and {@code handler} for {@code call}. */
  public static <T> TracedSend<T> of(OutboundCall call, HttpRequest request,
      BodyHandler<T> handler) {
    PreviewingBodyHandler<T> previewing = null;
    if (call.previewsBodies()) {
      previewing = new PreviewingBodyHandler<>(handler, call);
    }
    return new TracedSend<>(call, withTraceHeaders(request, call.propagationHeaders()),
        previewing == null ? handler : previewing, previewing);
  }

  /** The request to send. */
  public HttpRequest request() {
    return request;
  }

  /** The body handler to send with. */
  public BodyHandler<T> handler() {
    return handler;
  }

  /**
   * {@code future} itself, the delegate's, which ends the call when it completes (with a
   * response, an exception, or cancelled), on whichever thread completes it. The application's
   * callbacks may run before that; a trace finalized meanwhile waits for the span (the core's
   * finalize grace).
   */
  public CompletableFuture<HttpResponse<T>> endedBy(CompletableFuture<HttpResponse<T>> future) {
    try {
      future.whenComplete(this::finish);
    } catch (RuntimeException e) {
      OwnFailures.record(e);
      finish(null, null);
    }
    return future;
  }

  /** Ends the call with its response, or with the error it failed with (the first call counts). */
  public void finish(@Nullable HttpResponse<T> response, @Nullable Throwable error) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    try {
      if (error != null) {
        call.failed(cause(error));
        handOverPreview(null);
      } else if (response != null) {
        call.response(response.statusCode(),
            action -> JdkHttp.headers(response.headers().map()).forEachHeader(action));
        handOverPreview(response.body());
      }
    } catch (RuntimeException | LinkageError e) {
      OwnFailures.record(e);
    } finally {
      call.end();
    }
  }

  private void handOverPreview(@Nullable Object body) {
    if (previewing == null) {
      return;
    }
    BodyPreviewTee.Copied copied = previewing.handOver(body);
    if (copied != null) {
      call.responseBody(copied.contentType(), copied.bytes(), copied.length());
    }
  }

  /** The error a future's wrapper stands for ({@code CompletionException} and the like). */
  private static Throwable cause(Throwable error) {
    Throwable cause = error.getCause();
    return (error instanceof CompletionException || error instanceof ExecutionException)
        && cause != null ? cause : error;
  }

  /** A copy of {@code request} with {@code headers} set, or the request itself when none. */
  private static HttpRequest withTraceHeaders(HttpRequest request, Map<String, String> headers) {
    try {
      return JdkHttp.withHeaders(request, headers);
    } catch (RuntimeException e) {
      OwnFailures.record(e);
      return request;
    }
  }
}
