package io.llmops.observability.spi;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Ends an {@link AnnotatedCall}'s span when the stage its method returned completes: with the
 * value, or failed with the cause unwrapped from {@code CompletionException} and {@code
 * ExecutionException}. A class rather than a lambda, so that the agent can load it before any
 * call (its warm-up).
 */
final class Completion implements BiConsumer<Object, Throwable> {

  private final AnnotatedCall call;

  Completion(AnnotatedCall call) {
    this.call = call;
  }

  @Override
  public void accept(@Nullable Object value, @Nullable Throwable failure) {
    if (failure != null) {
      call.fail(unwrap(failure));
    } else {
      call.succeed(value);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
