package io.llmops.observability;

import io.llmops.observability.internal.common.Arguments;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * An immutable capture of the active trace and span. Context does not follow work to other
 * threads by itself; carry it explicitly:
 *
 * <pre>{@code
 * executor.submit(LlmopsContext.current().wrap(() -> retrieve(query)));
 * ExecutorService traced = LlmopsContext.current().wrap(executor);   // every task
 * }</pre>
 *
 * <p>Immutable and thread-safe: a context may be captured on one thread and used on any number
 * of others. Only {@code wrap} validates its argument; no other method throws.
 */
public final class LlmopsContext {

  static {
    Engine.get().readContextsWith(context -> context.state);
  }

  private final Object state;

  private LlmopsContext(Object state) {
    this.state = state;
  }

  /** The context of the calling thread (possibly empty, never null). */
  public static LlmopsContext current() {
    return new LlmopsContext(Engine.get().currentContext());
  }

  /** A context with no trace and no span. */
  public static LlmopsContext empty() {
    return new LlmopsContext(Engine.get().emptyContext());
  }

  /**
   * Makes this context current on the calling thread until the scope is closed. Closing removes
   * exactly this context, even when scopes opened inside it are still open or it is closed on
   * another thread.
   */
  public Scope makeCurrent() {
    return Engine.get().makeCurrent(state);
  }

  /**
   * Runs {@code task} with this context current, on whatever thread runs it. When the task
   * returns, that thread's context is what it was before, whatever the task left open. What the
   * task throws passes through unchanged.
   *
   * @throws IllegalArgumentException when {@code task} is null
   */
  public Runnable wrap(Runnable task) {
    Arguments.requireNonNull(task, "task");
    Object captured = state;
    return () -> {
      try (Scope ignored = Engine.get().attach(captured)) {
        task.run();
      }
    };
  }

  /**
   * Calls {@code task} with this context current, on whatever thread runs it; what it returns or
   * throws passes through unchanged.
   *
   * @throws IllegalArgumentException when {@code task} is null
   */
  public <T extends @Nullable Object> Callable<T> wrap(Callable<T> task) {
    Arguments.requireNonNull(task, "task");
    Object captured = state;
    return () -> {
      try (Scope ignored = Engine.get().attach(captured)) {
        return task.call();
      }
    };
  }

  /**
   * An executor that runs every task with this context current.
   *
   * @throws IllegalArgumentException when {@code executor} is null
   */
  public Executor wrap(Executor executor) {
    Arguments.requireNonNull(executor, "executor");
    return command -> executor.execute(wrap(command));
  }

  /**
   * An executor service that runs every submitted task with this context current.
   *
   * @throws IllegalArgumentException when {@code executor} is null
   */
  public ExecutorService wrap(ExecutorService executor) {
    Arguments.requireNonNull(executor, "executor");
    return new ContextExecutorService(executor, this);
  }

  /** The trace id of this context, or null (not an empty string) for an empty context. */
  public @Nullable String traceId() {
    return Engine.get().traceId(state);
  }

  /** The span id of this context, or null when it names no span. */
  public @Nullable String spanId() {
    return Engine.get().spanId(state);
  }
}
