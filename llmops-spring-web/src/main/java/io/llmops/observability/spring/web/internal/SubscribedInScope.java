package io.llmops.observability.spring.web.internal;

import io.llmops.observability.Scope;
import java.util.function.Supplier;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

/**
 * Subscribes to a publisher with a scope open on the subscribing thread: the connector sends the
 * request when it is subscribed to, so a client it runs on (the JDK {@code HttpClient}, woven by
 * the agent) sees the call as recorded already. Internal.
 */
public final class SubscribedInScope {

  private SubscribedInScope() {}

  public static <T> Mono<T> mono(Mono<T> source, Supplier<Scope> scope) {
    return new MonoOperator<T, T>(source) {
      @Override
      public void subscribe(CoreSubscriber<? super T> actual) {
        try (Scope ignored = scope.get()) {
          source.subscribe(actual);
        }
      }
    };
  }
}
