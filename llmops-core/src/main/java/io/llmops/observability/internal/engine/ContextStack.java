package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.internal.engine.ContextFrame.Kind;

/**
 * The contexts made current on one thread, newest on top. Only the owning thread changes the
 * stack; a frame closed by another thread is marked and leaves when the owner next looks.
 * Closed frames below the top are removed when they surface, so every frame leaves exactly once
 * whatever order frames are closed in. Internal.
 */
final class ContextStack {

  /**
   * Frames a thread may hold: as many as a trace may hold spans by default, so a deep recursion
   * through traced methods fits; only a thread that never closes what it opens gets there.
   */
  static final int MAX_FRAMES = 10_000;
  /** Frames kept when the limit is hit: dropping a quarter at once keeps pushes cheap. */
  private static final int KEPT_ON_OVERFLOW = 7_500;

  private final Thread owner = Thread.currentThread();
  private ContextFrame top;
  private int size;

  ActiveContext current() {
    ContextFrame frame = top;
    if (frame != null && frame.isClosed()) {
      frame = popClosed();
    }
    return frame == null ? ActiveContext.EMPTY : frame.context;
  }

  ContextFrame push(ActiveContext context, Kind kind) {
    ContextFrame frame = new ContextFrame(this, context, kind, top);
    top = frame;
    if (++size > MAX_FRAMES) {
      dropOldest();
    }
    return frame;
  }

  /**
   * Removes the trace frame on top, if any: a trace started on this thread and never finalized,
   * with nothing opened inside it since. Returns its trace, or null.
   */
  TraceState removeAbandonedTrace() {
    current();
    ContextFrame frame = top;
    if (frame == null || frame.kind != Kind.TRACE) {
      return null;
    }
    top = frame.below;
    size--;
    return frame.context.trace;
  }

  void close(ContextFrame frame) {
    if (Thread.currentThread() != owner) {
      frame.markClosed();
    } else if (frame.kind == Kind.TASK) {
      removeDownTo(frame);
    } else if (frame == top) {
      top = frame.below; // closed frames it uncovers leave at the next look (current())
      size--;
    } else {
      frame.markClosed(); // leaves when it surfaces; a frame already gone stays gone
    }
  }

  /** Removes {@code frame} and every frame above it, if it is still on the stack. */
  private void removeDownTo(ContextFrame frame) {
    int above = 0;
    for (ContextFrame f = top; f != null; f = f.below, above++) {
      if (f == frame) {
        top = frame.below;
        size -= above + 1;
        return;
      }
    }
    frame.markClosed();
  }

  private ContextFrame popClosed() {
    ContextFrame frame = top;
    while (frame != null && frame.isClosed()) {
      frame = frame.below;
      size--;
    }
    top = frame;
    return frame;
  }

  /**
   * Unlinks closed frames, then keeps the newest open frames and the outermost one (the
   * thread's own trace or task, which comes back once the rest is closed); the others are
   * dropped and counted.
   */
  private void dropOldest() {
    ContextFrame newest = null;
    ContextFrame last = null;
    ContextFrame outermost = null;
    int kept = 0;
    int dropped = 0;
    for (ContextFrame frame = top; frame != null; frame = frame.below) {
      if (frame.isClosed()) {
        continue;
      }
      if (kept < KEPT_ON_OVERFLOW) {
        if (last == null) {
          newest = frame;
        } else {
          last.below = frame;
        }
        last = frame;
        kept++;
      } else {
        outermost = frame;
        dropped++;
      }
    }
    if (outermost != null) {
      last.below = outermost;
      last = outermost;
      kept++;
      dropped--;
    }
    if (last != null) {
      last.below = null;
    }
    top = newest;
    size = kept;
    if (dropped > 0) {
      // the stack is the thread's, not a runtime's: counted by the runtime of its newest trace
      for (ContextFrame frame = newest; frame != null; frame = frame.below) {
        if (frame.context.trace != null) {
          frame.context.trace.tracer().counters().add(Counters.CONTEXT_FRAMES_DROPPED, dropped);
          break;
        }
      }
      SdkLog.warnOnce("context-frames", "A thread held more than " + MAX_FRAMES
          + " open spans or scopes (started and never closed); " + dropped
          + " of the oldest are no longer current there");
    }
  }
}
