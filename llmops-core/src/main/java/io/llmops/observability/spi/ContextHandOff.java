package io.llmops.observability.spi;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.internal.bridge.Bridge;
import org.jspecify.annotations.Nullable;

/**
 * Carries the calling thread's trace context to the thread that runs a task, for integrations
 * that instrument hand-offs (executors, reactive schedulers) where allocating an {@link
 * LlmopsContext} for every task would cost too much: {@link #capture()} returns null when there
 * is nothing to carry. Thread-safe; never throws.
 *
 * <pre>{@code
 * Object captured = ContextHandOff.capture();          // on the submitting thread
 * ...
 * try (Scope ignored = ContextHandOff.attach(captured)) {   // on the running thread
 *   task.run();
 * }
 * }</pre>
 */
public final class ContextHandOff {

  private static final Scope NOTHING = () -> { };

  private ContextHandOff() {}

  /** The calling thread's context, or null when it has neither trace nor span. */
  public static @Nullable Object capture() {
    try {
      return Bridge.core().captureContext();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("context-hand-off", "llmops: a context was not carried", e);
      return null;
    }
  }

  /**
   * Makes {@code captured} (from {@link #capture()}) current on the calling thread until the
   * scope is closed; closing leaves the thread exactly as it was, whatever the task left open.
   * A null {@code captured} attaches nothing.
   */
  public static Scope attach(@Nullable Object captured) {
    if (captured == null) {
      return NOTHING;
    }
    try {
      return Bridge.core().attachContext(captured);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("context-hand-off", "llmops: a context was not carried", e);
      return NOTHING;
    }
  }

  /**
   * Starts an empty context on the calling thread until the scope is closed; closing leaves the
   * thread exactly as it was, whatever was started or left open meanwhile (a trace started for
   * work that ends on another thread, say).
   */
  public static Scope isolate() {
    try {
      return Bridge.core().attachContext(Bridge.core().emptyContext());
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("context-hand-off", "llmops: a context was not carried", e);
      return NOTHING;
    }
  }
}
