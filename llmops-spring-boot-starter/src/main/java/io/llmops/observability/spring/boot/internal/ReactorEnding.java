package io.llmops.observability.spring.boot.internal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a call's span at a {@code Mono}'s or {@code Flux}'s terminal signal, as the agent does:
 * the Mono's value or the Flux's element count, the error, or a cancellation. Loaded only when
 * a method returns one of them, so only with Reactor on the class path. Internal.
 */
final class ReactorEnding {

  private ReactorEnding() {}

  static boolean isPublisher(Object value) {
    return value instanceof Mono<?> || value instanceof Flux<?>;
  }

  static Object track(TrackedCall call, Object publisher) {
    if (publisher instanceof Mono<?> mono) {
      return mono.doOnSuccess(call::succeed).doOnError(call::fail).doOnCancel(call::cancel);
    }
    Flux<?> flux = (Flux<?>) publisher;
    long[] elements = new long[1];
    return flux
        .doOnNext(element -> elements[0]++)
        .doOnComplete(() -> call.succeed(elements[0] + " elements"))
        .doOnError(call::fail)
        .doOnCancel(call::cancel);
  }
}
