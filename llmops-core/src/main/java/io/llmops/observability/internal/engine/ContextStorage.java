package io.llmops.observability.internal.engine;

import io.llmops.observability.Scope;
import io.llmops.observability.internal.engine.ContextFrame.Kind;

/**
 * The per-thread current {@link ActiveContext}: the top of the thread's {@link ContextStack}.
 * Internal.
 */
public final class ContextStorage {

  private static final ThreadLocal<ContextStack> STACKS = ThreadLocal.withInitial(ContextStack::new);

  private ContextStorage() {}

  public static ActiveContext current() {
    return STACKS.get().current();
  }

  /**
   * Makes {@code context} current until the scope is closed. Closing removes exactly this
   * context, whatever was opened or closed in between and whichever thread closes it.
   */
  public static Scope makeCurrent(ActiveContext context) {
    return STACKS.get().push(context, Kind.SCOPE);
  }

  /**
   * For code that runs a task with a carried context ({@code LlmopsContext.wrap}, the agent's
   * hand-offs): makes {@code context} current for the task. Closing the scope on this thread
   * leaves the thread exactly as it was before, whatever the task left open.
   */
  public static Scope attach(ActiveContext context) {
    return STACKS.get().push(context, Kind.TASK);
  }

  /**
   * Makes {@code trace} current until it is finalized. A trace started on this thread and never
   * finalized, with nothing opened since, is replaced and returned (null when there is none); a
   * trace with a span or scope open above it stays, and is current again after this one.
   */
  static TraceState startTrace(TraceState trace) {
    ContextStack stack = STACKS.get();
    TraceState abandoned = stack.removeAbandonedTrace();
    stack.push(new ActiveContext(trace, null), Kind.TRACE);
    return abandoned;
  }
}
