package io.llmops.observability.webflux.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.TracedRequest;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

/**
 * Makes a request's trace current around everything that passes through a publisher: its
 * subscription, each request and cancellation (which run the operators above it), and each
 * signal (which runs the operators below it). Internal.
 */
public final class InScope {

  private InScope() {}

  public static <T> Mono<T> mono(Mono<T> source, TracedRequest traced) {
    return new MonoOperator<T, T>(source) {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        try (Scope ignored = traced.makeCurrent()) {
          source.subscribe(new ScopedSubscriber<>(actual, traced));
        }
      }
    };
  }

  public static <T> Flux<T> flux(Publisher<T> source, TracedRequest traced) {
    return new FluxOperator<T, T>(Flux.from(source)) {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        try (Scope ignored = traced.makeCurrent()) {
          source.subscribe(new ScopedSubscriber<>(actual, traced));
        }
      }
    };
  }

  /** Passes every signal on with the request's trace current. */
  private static final class ScopedSubscriber<T> implements CoreSubscriber<T>, Subscription {

    private final CoreSubscriber<? super T> actual;
    private final TracedRequest traced;
    private Subscription upstream;

    ScopedSubscriber(CoreSubscriber<? super T> actual, TracedRequest traced) {
      this.actual = actual;
      this.traced = traced;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      try (Scope ignored = traced.makeCurrent()) {
        actual.onSubscribe(this);
      }
    }

    @Override
    public void onNext(T value) {
      try (Scope ignored = traced.makeCurrent()) {
        actual.onNext(value);
      }
    }

    @Override
    public void onError(Throwable error) {
      try (Scope ignored = traced.makeCurrent()) {
        actual.onError(error);
      }
    }

    @Override
    public void onComplete() {
      try (Scope ignored = traced.makeCurrent()) {
        actual.onComplete();
      }
    }

    @Override
    public void request(long n) {
      try (Scope ignored = traced.makeCurrent()) {
        upstream.request(n);
      }
    }

    @Override
    public void cancel() {
      try (Scope ignored = traced.makeCurrent()) {
        upstream.cancel();
      }
    }
  }
}
