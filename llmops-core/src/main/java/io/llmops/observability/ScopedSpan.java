package io.llmops.observability;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A span that a start/end API (transactions, crawl sessions) makes current on the starting
 * thread until it is ended, so that spans started in between nest under it. Not public API.
 */
final class ScopedSpan {

  /** Open transactions, and open crawl sessions, kept at most. */
  static final int MAX_OPEN = 10_000;

  final Span span;
  private final Scope scope;
  private final AtomicBoolean ended = new AtomicBoolean();

  private ScopedSpan(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  /**
   * Starts {@code builder}'s span under the current span and makes it current, or returns null
   * when this context has no active trace (no implicit trace is started) or tracing is off.
   */
  static @Nullable ScopedSpan start(SpanBuilder builder, java.util.Map<String, ?> openOfThisKind) {
    if (!Engine.get().hasLiveTrace(LlmopsContext.current())) {
      return null;
    }
    if (openOfThisKind.size() >= MAX_OPEN) {
      // never ended ones would otherwise accumulate for the life of the process
      Engine.get().dropped("open_limit", MAX_OPEN + " transactions or crawl sessions are open "
          + "and were never ended; new ones are not recorded until some end");
      return null;
    }
    Span span = builder.startDetached();
    if (!span.isRecording()) {
      return null;
    }
    return new ScopedSpan(span, span.makeCurrent());
  }

  boolean isEnded() {
    return ended.get();
  }

  /**
   * Ends the span once (false when it had ended already) and takes it out of the starting
   * thread's context, whichever thread ends it and whatever was opened there since.
   */
  boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    span.end();
    scope.close();
    return true;
  }
}
