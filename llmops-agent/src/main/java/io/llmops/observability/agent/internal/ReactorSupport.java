package io.llmops.observability.agent.internal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends a call's span when a {@code Mono} or {@code Flux} terminates: with the value (a Mono's)
 * or the number of elements (a Flux's), the error, or a cancellation. Loaded only for methods
 * that return these types, so only when the application has Reactor. Internal.
 */
final class ReactorSupport {

  private ReactorSupport() {}

  static Object track(ActiveCall call, Object publisher) {
    if (publisher instanceof Mono<?> mono) {
      return mono
          .doOnSuccess(call::succeed)
          .doOnError(call::fail)
          .doOnCancel(call::cancel);
    }
    if (publisher instanceof Flux<?> flux) {
      long[] elements = new long[1];
      return flux
          .doOnNext(element -> elements[0]++)
          .doOnComplete(() -> call.succeed(elements[0] + " elements"))
          .doOnError(call::fail)
          .doOnCancel(call::cancel);
    }
    call.succeed(publisher);
    return publisher;
  }
}
