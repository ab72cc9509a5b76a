package io.llmops.observability;

import org.jspecify.annotations.Nullable;

/**
 * A block of user code that returns a value (null included) and may throw; used by {@link
 * SpanBuilder#call}.
 */
@FunctionalInterface
public interface ThrowingSupplier<T extends @Nullable Object, E extends Throwable> {
  T get() throws E;
}
