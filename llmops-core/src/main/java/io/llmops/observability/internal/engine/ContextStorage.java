package io.llmops.observability.internal.engine;

import io.llmops.observability.Scope;

/** The per-thread current {@link ActiveContext}. Internal. */
public final class ContextStorage {

  private static final ThreadLocal<ActiveContext> CURRENT =
      ThreadLocal.withInitial(() -> ActiveContext.EMPTY);
  private static final Scope NOOP = () -> {};

  private ContextStorage() {}

  public static ActiveContext current() {
    return CURRENT.get();
  }

  /** Makes {@code context} current; closing the scope restores what was current before. */
  public static Scope attach(ActiveContext context) {
    ActiveContext previous = CURRENT.get();
    if (previous == context) {
      return NOOP;
    }
    CURRENT.set(context);
    return () -> {
      if (CURRENT.get() != context) {
        InternalLog.warnOnce(
            "scope-order",
            "A Scope was closed out of order or on another thread; restoring its previous context anyway");
      }
      CURRENT.set(previous);
    };
  }

  /** Replaces the current context without a scope: the trace lifecycle's start and end. */
  static void replace(ActiveContext context) {
    CURRENT.set(context);
  }
}
