package io.llmops.observability.jdkhttp;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Another layer over a real client, as an application's own decorator would be; it keeps what
 * the real client threw or returned, to compare with what the wrapper hands on.
 */
class ForwardingClient extends HttpClient {

  private final HttpClient real;
  volatile Throwable thrown;
  volatile CompletableFuture<?> returned;

  ForwardingClient(HttpClient real) {
    this.real = real;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return real.send(request, handler);
    } catch (IOException | InterruptedException | RuntimeException e) {
      thrown = e;
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    CompletableFuture<HttpResponse<T>> future = real.sendAsync(request, handler);
    returned = future;
    return future;
  }

  /**
   * Like {@code sendAsync}, but returns a plain future that completes only when {@code
   * release} runs, on the thread that runs it: callbacks then run in the future's own order.
   */
  <T> CompletableFuture<HttpResponse<T>> heldUntil(CompletableFuture<Void> release,
      CompletableFuture<HttpResponse<T>> real) {
    CompletableFuture<HttpResponse<T>> held = new CompletableFuture<>();
    release.thenRun(() -> held.complete(real.join()));
    returned = held;
    return held;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    CompletableFuture<HttpResponse<T>> future = real.sendAsync(request, handler, push);
    returned = future;
    return future;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return real.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return real.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return real.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return real.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return real.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return real.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return real.authenticator();
  }

  @Override
  public Version version() {
    return real.version();
  }

  @Override
  public Optional<Executor> executor() {
    return real.executor();
  }
}
