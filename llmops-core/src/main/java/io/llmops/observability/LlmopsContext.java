package io.llmops.observability;

import io.llmops.observability.internal.engine.ActiveContext;
import io.llmops.observability.internal.engine.ContextAccess;
import io.llmops.observability.internal.engine.ContextStorage;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * An immutable capture of the active trace and span. Context does not follow work to other
 * threads by itself; carry it explicitly:
 *
 * <pre>{@code
 * executor.submit(LlmopsContext.current().wrap(() -> retrieve(query)));
 * ExecutorService traced = LlmopsContext.current().wrap(executor);   // every task
 * }</pre>
 */
public final class LlmopsContext {

  static {
    ContextAccess.setReader(context -> context.active);
  }

  private final ActiveContext active;

  private LlmopsContext(ActiveContext active) {
    this.active = active;
  }

  /** The context of the calling thread (possibly empty). */
  public static LlmopsContext current() {
    return new LlmopsContext(ContextStorage.current());
  }

  /** A context with no trace and no span. */
  public static LlmopsContext empty() {
    return new LlmopsContext(ActiveContext.EMPTY);
  }

  /**
   * Makes this context current on the calling thread until the scope is closed. Closing removes
   * exactly this context, even when scopes opened inside it are still open or it is closed on
   * another thread.
   */
  public Scope makeCurrent() {
    return ContextStorage.makeCurrent(active);
  }

  /**
   * Runs {@code task} with this context current, on whatever thread runs it. When the task
   * returns, that thread's context is what it was before, whatever the task left open.
   */
  public Runnable wrap(Runnable task) {
    requireArgument(task, "task");
    ActiveContext captured = active;
    return () -> {
      try (Scope ignored = ContextStorage.attach(captured)) {
        task.run();
      }
    };
  }

  /** Calls {@code task} with this context current, on whatever thread runs it. */
  public <T> Callable<T> wrap(Callable<T> task) {
    requireArgument(task, "task");
    ActiveContext captured = active;
    return () -> {
      try (Scope ignored = ContextStorage.attach(captured)) {
        return task.call();
      }
    };
  }

  /** An executor that runs every task with this context current. */
  public Executor wrap(Executor executor) {
    requireArgument(executor, "executor");
    return command -> executor.execute(wrap(command));
  }

  /** An executor service that runs every submitted task with this context current. */
  public ExecutorService wrap(ExecutorService executor) {
    requireArgument(executor, "executor");
    return new ContextExecutorService(executor, this);
  }

  /** The trace id of this context, or null. */
  public String traceId() {
    return active.traceId();
  }

  /** The span id of this context, or null. */
  public String spanId() {
    return active.spanId();
  }

  private static void requireArgument(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
