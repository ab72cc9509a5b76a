package io.llmops.observability;

/**
 * A block of user code that may throw; used by {@link SpanBuilder#run}, which rethrows what it
 * throws unchanged.
 */
@FunctionalInterface
public interface ThrowingRunnable<E extends Throwable> {
  void run() throws E;
}
