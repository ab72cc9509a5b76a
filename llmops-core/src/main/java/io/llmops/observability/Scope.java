package io.llmops.observability;

/**
 * Takes the context it made current out of its thread's context when closed: what was current
 * before comes back, unless scopes opened later are still open (they stay current until they are
 * closed in turn). Closing in any order, or on another thread, removes exactly this scope; a
 * second close does nothing. Use with try-with-resources.
 *
 * <p>Thread-safe: any thread may close a scope, once or more. {@link #close()} never throws.
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {

  /** Takes this scope's context out of its thread's context; idempotent; never throws. */
  @Override
  void close();
}
