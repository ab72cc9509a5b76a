package io.llmops.observability.springai.internal;

import io.llmops.observability.Span;
import org.jspecify.annotations.Nullable;

/**
 * The chat generation last started on each thread, for {@code LlmopsStreams}: a stream's
 * generation starts on the subscribing thread, while the subscription is being made. One
 * reference per thread, cleared by each reader. Internal.
 */
public final class StartedGenerations {

  private static final ThreadLocal<Span> LAST = new ThreadLocal<>();

  private StartedGenerations() {}

  static void started(Span generation) {
    LAST.set(generation);
  }

  /** The generation started on this thread since the last call, or null; forgets it. */
  public static @Nullable Span take() {
    Span last = LAST.get();
    LAST.remove();
    return last;
  }
}
