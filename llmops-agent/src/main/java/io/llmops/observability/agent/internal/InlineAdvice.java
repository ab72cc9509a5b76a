package io.llmops.observability.agent.internal;

/**
 * What the agent inserts into one method, as {@link AdviceInliner} weaves it: code at entry,
 * whose result (when {@link #keepsEnterValue}) is kept for the exit, and code at exit, on each
 * return and, with {@link #onThrowable}, when the method throws. Every inserted piece runs
 * inside its own catch of {@code Throwable} that drops what it caught ("suppress"): the method's
 * own result and exceptions are never changed, except the result an exit that
 * {@link #replacesResult} hands back. Internal.
 *
 * @param enter the code at entry, or null; leaves an {@code Object} on the stack when
 *     {@code keepsEnterValue}, nothing otherwise
 * @param keepsEnterValue whether the entry leaves a value, read at exit by
 *     {@link AdviceSite#loadEnterValue}
 * @param exit the code at exit, or null; leaves an {@code Object} on the stack when
 *     {@code replacesResult}, nothing otherwise
 * @param onThrowable whether the exit also runs when the method throws
 * @param exitUsesThis whether the exit reads {@code this} ({@link AdviceSite#loadThis})
 * @param replacesResult whether the exit's value replaces the returned one (cast to the method's
 *     return type)
 */
record InlineAdvice(Code enter, boolean keepsEnterValue, Code exit, boolean onThrowable,
    boolean exitUsesThis, boolean replacesResult) {

  /** Emits one piece of inserted code into {@code site}'s current instruction list. */
  @FunctionalInterface
  interface Code {
    void emit(AdviceSite site);
  }

  /** Code at entry only, leaving nothing. */
  static InlineAdvice atEntry(Code enter) {
    return new InlineAdvice(enter, false, null, false, false, false);
  }

  /** Code at entry whose value the exit reads, and at every exit, thrown ones included. */
  static InlineAdvice around(Code enter, Code exit) {
    return new InlineAdvice(enter, true, exit, true, false, false);
  }

  /** Code at each return (not when the method throws). */
  static InlineAdvice atReturn(Code exit, boolean usesThis, boolean replacesResult) {
    return new InlineAdvice(null, false, exit, false, usesThis, replacesResult);
  }

  InlineAdvice readingThisAtExit() {
    return new InlineAdvice(enter, keepsEnterValue, exit, onThrowable, true, replacesResult);
  }

  InlineAdvice replacingResult(Code newExit) {
    return new InlineAdvice(enter, keepsEnterValue, newExit, onThrowable, exitUsesThis, true);
  }
}
