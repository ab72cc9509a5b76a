package io.llmops.observability.webflux.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.ContextHandOff;
import java.util.function.Function;
import reactor.core.scheduler.Schedulers;

/**
 * Carries the trace context of the thread that schedules a task on a Reactor scheduler
 * ({@code subscribeOn}, {@code publishOn}, {@code delayElement}...) to the thread that runs it,
 * through {@link Schedulers#onScheduleHook}. A task scheduled with no trace current is left as it
 * is, so the hook costs one look-up where nothing is traced. Internal.
 */
public final class ScheduledTasks {

  /** The hook's key: installing it again replaces it, never stacks it. */
  static final String HOOK = "io.llmops.observability.webflux";

  private static final Function<Runnable, Runnable> CARRY_CONTEXT = task -> {
    Object captured = ContextHandOff.capture();
    if (captured == null) {
      return task;
    }
    return () -> {
      try (Scope ignored = ContextHandOff.attach(captured)) {
        task.run();
      }
    };
  };

  private ScheduledTasks() {}

  /** Installs the hook (again: the same key replaces the previous one). */
  public static void carryContext() {
    Schedulers.onScheduleHook(HOOK, CARRY_CONTEXT);
  }
}
