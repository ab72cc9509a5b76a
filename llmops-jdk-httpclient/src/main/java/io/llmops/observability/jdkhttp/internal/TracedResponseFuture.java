package io.llmops.observability.jdkhttp.internal;

import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The future {@code sendAsync} returns in place of the delegate's: it completes with exactly
 * the delegate's result or exception (the same instance, wrapped as the delegate's was) once the
 * call is recorded and its span ended, so the application's callbacks and {@code get()} see the
 * span ended. Cancelling it cancels the delegate's future (the JDK then aborts the exchange); as
 * with the JDK's futures, the futures derived from it cancel the delegate's too when the
 * delegate's derived futures do.
 */
public final class TracedResponseFuture<T> extends CompletableFuture<T> {

  private final CompletableFuture<?> source;
  private final @Nullable TracedSend<?> send;

  private TracedResponseFuture(CompletableFuture<?> source, @Nullable TracedSend<?> send) {
    this.source = source;
    this.send = send;
  }

  /**
   * The future to hand the application for {@code source}, which ends {@code send} when it
   * completes; {@code source} itself when that cannot be arranged (the call is then ended).
   */
  public static <R> CompletableFuture<HttpResponse<R>> following(
      CompletableFuture<HttpResponse<R>> source, TracedSend<R> send) {
    TracedResponseFuture<HttpResponse<R>> result = new TracedResponseFuture<>(source, send);
    try {
      source.whenComplete((response, error) -> {
        send.finish(response, error);
        if (error == null) {
          result.complete(response);
        } else {
          result.completeExceptionally(error);
        }
      });
      return result;
    } catch (RuntimeException e) {
      OwnFailures.record(e);
      send.finish(null, null);
      return source;
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean sourceCancelled = source.cancel(mayInterruptIfRunning);
    boolean cancelled = super.cancel(mayInterruptIfRunning) || sourceCancelled;
    if (send != null && isCancelled()) {
      send.finish(null, new CancellationException());
    }
    return cancelled;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return source.getClass() == CompletableFuture.class ? new CompletableFuture<>()
        : new TracedResponseFuture<>(source, null);
  }
}
