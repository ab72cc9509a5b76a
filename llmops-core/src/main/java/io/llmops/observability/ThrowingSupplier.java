package io.llmops.observability;

/** A block of user code that returns a value and may throw; used by {@link SpanBuilder#call}. */
@FunctionalInterface
public interface ThrowingSupplier<T, E extends Throwable> {
  T get() throws E;
}
