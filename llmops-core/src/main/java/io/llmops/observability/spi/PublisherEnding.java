package io.llmops.observability.spi;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends an {@link AnnotatedCall}'s span at a {@code Mono}'s or {@code Flux}'s terminal signal:
 * the Mono's value or the Flux's element count, the error, or a cancellation. Loaded only when
 * a method returns one of them, so only with Reactor on the class path (a provided dependency
 * of the core).
 */
final class PublisherEnding {

  private PublisherEnding() {}

  static boolean isPublisher(@Nullable Object value) {
    return value instanceof Mono<?> || value instanceof Flux<?>;
  }

  static Object track(AnnotatedCall call, Object publisher) {
    if (publisher instanceof Mono<?> mono) {
      return mono.doOnSuccess(call::succeed).doOnError(call::fail).doOnCancel(call::cancel);
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
