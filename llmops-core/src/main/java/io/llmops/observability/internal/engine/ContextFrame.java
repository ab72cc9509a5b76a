package io.llmops.observability.internal.engine;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.SdkLog;

/**
 * One entry of a thread's {@link ContextStack}: a context made current, and how it stops being
 * current. Closing it removes this entry only, in whatever order and on whatever thread it is
 * closed. Internal.
 */
final class ContextFrame implements Scope {

  enum Kind {
    /** Made current by user code (a started span, {@code makeCurrent}): leaves when closed. */
    SCOPE,
    /**
     * A task run with a carried context ({@code LlmopsContext.wrap}, the agent): when closed it
     * leaves with everything the task left open above it.
     */
    TASK,
    /** A trace started on this thread: leaves when the trace is finalized, on any thread. */
    TRACE
  }

  final ActiveContext context;
  final Kind kind;
  final ContextStack stack;
  /** The frame that was on top before this one; read and written by the owning thread only. */
  ContextFrame below;
  /** Set when closed while other frames are above it, or from another thread. */
  private volatile boolean closed;

  ContextFrame(ContextStack stack, ActiveContext context, Kind kind, ContextFrame below) {
    this.stack = stack;
    this.context = context;
    this.kind = kind;
    this.below = below;
  }

  boolean isClosed() {
    return closed || (kind == Kind.TRACE && context.trace.isFinalizing());
  }

  void markClosed() {
    closed = true;
  }

  @Override
  public void close() {
    try {
      stack.close(this);
    } catch (RuntimeException e) {
      SdkLog.errorOnce("scope-close", "Failed to close a scope", e);
    }
  }
}
