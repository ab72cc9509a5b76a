package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkCounters;

/**
 * The woven calls in progress on one thread, innermost first (each links to the one it runs
 * inside), and whether the thread's stack has run out under them.
 *
 * <p>When the stack runs out in a deep recursion, the woven code runs out of it too: an entry or
 * exit stops part-way, and recording a span's end with no stack left could stop inside the core
 * and leave the trace waiting for a span that ended. So once a {@link StackOverflowError} is
 * seen, nothing is recorded on the thread until a probe of some depth passes: exits leave their
 * call here with its outcome ({@link ActiveCall#exitFailed}), entries run untraced (counted as
 * {@code dropped.stack_exhausted}). The first call with room ends what was left, innermost first,
 * with the outcomes the exits saw. Only its own thread touches a stack. Internal.
 */
final class CallStack {

  /** Deeper than what recording a span's end takes, with room to spare. */
  private static final int PROBE_FRAMES = 512;
  private static final ThreadLocal<CallStack> STACKS = ThreadLocal.withInitial(CallStack::new);

  /** Written without calls (field stores) where the stack has run out. */
  ActiveCall innermost;
  boolean overflowed;
  int untraced;

  private CallStack() {}

  static CallStack current() {
    return STACKS.get();
  }

  void push(ActiveCall call) {
    innermost = call;
  }

  /** After {@code call}'s exit: its caller's call is innermost again. */
  void pop(ActiveCall call) {
    if (innermost == call) {
      innermost = call.outer;
    }
  }

  /**
   * Whether spans may be recorded here: always, unless the stack ran out since the last call
   * with room; then only if the probe passes, and the calls left behind are ended first.
   */
  boolean hasRoom() {
    if (!overflowed) {
      return true;
    }
    try {
      probe(PROBE_FRAMES);
    } catch (StackOverflowError e) {
      return false;
    }
    overflowed = false;
    if (untraced > 0) {
      SdkCounters.countDropped("stack_exhausted", untraced);
      untraced = 0;
    }
    return true;
  }

  /** At entry: ends the calls whose exit did not complete, so that the new call does not nest in them. */
  void endLeftBehind() {
    while (innermost != null && innermost.exitFailed && innermost.abandon()) {
      innermost = innermost.outer;
    }
  }

  /**
   * At {@code call}'s exit: ends the calls entered inside it that are still here, innermost first.
   * Their methods have returned or thrown (the thread is back in {@code call}), but their exit
   * advice did not complete. A call leaves the stack only once ended.
   */
  void unwindTo(ActiveCall call) {
    if (innermost == call || !holds(call)) {
      return;
    }
    while (innermost != call && innermost.abandon()) {
      innermost = innermost.outer;
    }
  }

  private boolean holds(ActiveCall call) {
    for (ActiveCall each = innermost; each != null; each = each.outer) {
      if (each == call) {
        return true;
      }
    }
    return false;
  }

  private static int probe(int frames) {
    return frames == 0 ? 0 : probe(frames - 1) + 1;
  }
}
