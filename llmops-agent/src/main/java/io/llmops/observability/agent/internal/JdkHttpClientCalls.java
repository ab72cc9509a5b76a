package io.llmops.observability.agent.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.JdkHttp;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Records the calls of {@code java.net.http.HttpClient} woven by {@link HttpClientWeaving}:
 * {@code send} and {@code sendAsync} of the JDK's client, through {@link OutboundHttp}. Called
 * through the bridge in {@code java.base}; every failure is the core's to count and log, none
 * reaches the application. Internal.
 */
final class JdkHttpClientCalls {

  private JdkHttpClientCalls() {}

  /** A call being recorded, from the entry of {@code send}/{@code sendAsync} to its end. */
  private record Pending(OutboundCall call, Scope current, HttpRequest toSend, boolean async) {}

  /**
   * Entry of {@code method} ({@code send} or {@code sendAsync}): the state of a recorded call
   * (its span current on this thread), or null.
   */
  static Object start(Object request, Object method) {
    if (!(request instanceof HttpRequest sent)) {
      return null;
    }
    boolean isAsync = "sendAsync".equals(method);
    OutboundCall call = OutboundHttp.start(JdkHttp.request(sent, isAsync));
    if (call == null) {
      return null;
    }
    HttpRequest toSend = sent;
    try {
      toSend = JdkHttp.withHeaders(sent, call.propagationHeaders());
    } catch (RuntimeException e) {
      OutboundFailures.record("add the trace headers", e);
    }
    return new Pending(call, call.makeCurrent(), toSend, isAsync);
  }

  /** The request to send in place of the application's. */
  static Object request(Object state, Object request) {
    return state instanceof Pending pending ? pending.toSend() : request;
  }

  /** Exit: the response (sync), the future (async) or what the method threw. */
  static void end(Object state, Object outcome) {
    if (!(state instanceof Pending pending)) {
      return;
    }
    OutboundCall call = pending.call();
    try {
      pending.current().close();
    } catch (RuntimeException e) {
      OutboundFailures.record("restore the context", e);
    }
    if (outcome instanceof Throwable thrown) {
      finish(call, null, thrown);
    } else if (pending.async() && outcome instanceof CompletableFuture<?> future) {
      future.whenComplete((response, error) -> finish(call, response, error));
    } else {
      finish(call, outcome, null);
    }
  }

  private static void finish(OutboundCall call, Object response, Throwable error) {
    try {
      if (error != null) {
        call.failed(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
      } else if (response instanceof HttpResponse<?> received) {
        call.response(received.statusCode(), JdkHttp.headers(received.headers().map()));
        if (call.previewsBodies()) {
          previewBody(call, received);
        }
      }
    } catch (RuntimeException e) {
      OutboundFailures.record("read the response", e);
    } finally {
      call.end();
    }
  }

  /**
   * A body the application already holds in memory as a string or bytes ({@code ofString},
   * {@code ofByteArray}); never a stream or a publisher, which are the application's to read.
   */
  private static void previewBody(OutboundCall call, HttpResponse<?> response) {
    String contentType = response.headers().firstValue("content-type").orElse(null);
    byte[] bytes = null;
    if (response.body() instanceof byte[] body) {
      bytes = body;
    } else if (response.body() instanceof String body) {
      bytes = body.substring(0, Math.min(body.length(), call.previewBytes()))
          .getBytes(StandardCharsets.UTF_8);
    }
    if (bytes != null) {
      call.responseBody(contentType, bytes, Math.min(bytes.length, call.previewBytes()));
    }
  }
}
