package io.llmops.observability.jdkhttp;

import io.llmops.observability.Scope;
import io.llmops.observability.jdkhttp.internal.ClientLifecycle;
import io.llmops.observability.jdkhttp.internal.TracedSend;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.JdkHttp;
import io.llmops.observability.spi.OutboundHttp;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A {@code java.net.http.HttpClient} that records each call made inside a trace as a client span
 * (docs/OUTBOUND_HTTP.md, "JDK HttpClient") and otherwise does exactly what its delegate does:
 * same response objects, same exceptions, the delegate's own futures, bodies untouched.
 *
 * <pre>{@code
 * HttpClient client = LlmopsHttpClient.wrap(HttpClient.newHttpClient());
 * HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
 * }</pre>
 *
 * On JDK 21 and later, {@code close()}, {@code shutdown()}, {@code shutdownNow()}, {@code
 * awaitTermination(Duration)} and {@code isTerminated()} are passed to the delegate too.
 */
public final class LlmopsHttpClient extends HttpClient {

  private final HttpClient delegate;

  private LlmopsHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /**
   * A client that records the calls {@code delegate} makes; {@code delegate} itself when it is
   * one already.
   *
   * @throws IllegalArgumentException when {@code delegate} is null
   */
  public static HttpClient wrap(HttpClient delegate) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate must not be null");
    }
    return delegate instanceof LlmopsHttpClient ? delegate : new LlmopsHttpClient(delegate);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> responseBodyHandler)
      throws IOException, InterruptedException {
    OutboundCall call = start(request, responseBodyHandler, false);
    if (call == null) {
      return delegate.send(request, responseBodyHandler);
    }
    TracedSend<T> traced = TracedSend.of(call, request, responseBodyHandler);
    HttpResponse<T> response;
    try (Scope ignored = call.makeCurrent()) {
      response = delegate.send(traced.request(), traced.handler());
    } catch (Throwable e) {
      traced.finish(null, e);
      throw e;
    }
    traced.finish(response, null);
    return response;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      BodyHandler<T> responseBodyHandler) {
    return traceAsync(request, responseBodyHandler, delegate::sendAsync);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      BodyHandler<T> responseBodyHandler, @Nullable PushPromiseHandler<T> pushPromiseHandler) {
    return traceAsync(request, responseBodyHandler,
        (sent, handler) -> delegate.sendAsync(sent, handler, pushPromiseHandler));
  }

  /** Starts the call on the calling thread, so that its span nests under the current one. */
  private <T> CompletableFuture<HttpResponse<T>> traceAsync(HttpRequest request,
      BodyHandler<T> handler,
      BiFunction<HttpRequest, BodyHandler<T>, CompletableFuture<HttpResponse<T>>> send) {
    OutboundCall call = start(request, handler, true);
    if (call == null) {
      return send.apply(request, handler);
    }
    TracedSend<T> traced = TracedSend.of(call, request, handler);
    CompletableFuture<HttpResponse<T>> future;
    try (Scope ignored = call.makeCurrent()) {
      future = send.apply(traced.request(), traced.handler());
    } catch (Throwable e) {
      traced.finish(null, e);
      throw e;
    }
    if (future == null) {
      traced.finish(null, null);
      return future;
    }
    return traced.endedBy(future);
  }

  /** The call to record; null when it is not (or the arguments are the delegate's to reject). */
  private static @Nullable OutboundCall start(@Nullable HttpRequest request,
      @Nullable BodyHandler<?> handler, boolean async) {
    if (request == null || handler == null) {
      return null;
    }
    return OutboundHttp.start(JdkHttp.request(request, async));
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  // JDK 21+: these override HttpClient's methods there (no @Override: they do not exist on 17).

  /** Shuts the delegate down (JDK 21+; nothing on older JDKs). */
  public void shutdown() {
    ClientLifecycle.shutdown(delegate);
  }

  /** Shuts the delegate down at once (JDK 21+; nothing on older JDKs). */
  public void shutdownNow() {
    ClientLifecycle.shutdownNow(delegate);
  }

  /** Waits for the delegate to terminate (JDK 21+; true at once on older JDKs). */
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return ClientLifecycle.awaitTermination(delegate, duration);
  }

  /** Whether the delegate has terminated (JDK 21+; false on older JDKs). */
  public boolean isTerminated() {
    return ClientLifecycle.isTerminated(delegate);
  }

  /** Closes the delegate (JDK 21+; nothing on older JDKs). */
  public void close() {
    ClientLifecycle.close(delegate);
  }

  @Override
  public String toString() {
    return "LlmopsHttpClient(" + delegate + ")";
  }
}
