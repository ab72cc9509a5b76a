package io.llmops.observability;

/**
 * Restores the previously current context when closed. Use with try-with-resources on the thread
 * that opened it. {@link #close()} never throws.
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
  @Override
  void close();
}
