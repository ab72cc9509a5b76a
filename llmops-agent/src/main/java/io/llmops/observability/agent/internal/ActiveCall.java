package io.llmops.observability.agent.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.spi.AnnotatedCall;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.SdkLog;

/**
 * One woven call in flight: the core's {@link AnnotatedCall} that records it (span, call to
 * another service, child segment, result), the scope that makes the span current until the
 * method returns, the outcome once the method has returned or thrown, and its place on the
 * thread's {@link CallStack}, so that a call whose exit the stack cut short is ended by a later
 * one. Used by its own thread, except for the outcome of an asynchronous result. Internal.
 */
final class ActiveCall {

  /** Span metadata: the agent could not record how the method ended (the stack had run out). */
  static final String INCOMPLETE = "llmops.incomplete";

  final AnnotatedCall recorded;
  final CallStack stack;
  /** The call this one runs inside, on the same thread, or null. */
  final ActiveCall outer;

  /** Set when the exit (or the entry) did not complete; a later call on the thread ends the span. */
  boolean exitFailed;
  // The outcome, stored by the exit before anything else, without a call.
  boolean exited;
  Object result;
  Throwable thrown;
  /** The method returns a Reactor publisher: the span's end is up to the publisher's signals. */
  boolean reactive;

  private Scope scope;
  private boolean scopeClosed;
  private boolean abandoning;

  ActiveCall(AnnotatedMethod method, Object[] arguments, CallStack stack) {
    this.recorded = new AnnotatedCall(method, arguments);
    this.stack = stack;
    this.outer = stack.innermost;
  }

  /** The span, once started; null before. */
  Span span() {
    return recorded.span();
  }

  String where() {
    return recorded.method().where();
  }

  /** Makes the span current; called once, at entry. */
  void makeCurrent() {
    scope = recorded.span().makeCurrent();
  }

  /** At the method's exit, its outcome stored: ends the span, or hands it to a CompletionStage. */
  void exit() {
    stack.unwindTo(this);
    leaveScope();
    Object output = segmentOutput();
    finish();
    recorded.endSegment(output);
    stack.pop(this);
  }

  /** At the exit of a method returning a Reactor publisher: the publisher to return instead. */
  Object exitReactive(Object publisher) {
    stack.unwindTo(this);
    leaveScope();
    Object tracked = recorded.returnedPublisher(publisher);
    recorded.endSegment(null);
    stack.pop(this);
    return tracked;
  }

  /**
   * Ends a call whose exit did not complete, from a later woven call on the same thread: with
   * the outcome the exit stored, else marked {@value #INCOMPLETE}. False when this call is
   * being ended already (a woven method called while recording the outcome) or the stack ran out
   * again: the call is then left for a later one.
   */
  boolean abandon() {
    if (abandoning) {
      return false;
    }
    abandoning = true;
    try {
      leaveScope();
      Object output = segmentOutput();
      Span span = recorded.span();
      if (span != null && !recorded.handedOff() && span.isRecording()) {
        if (exited && !reactive) {
          finish();
        } else {
          span.setMetadata(INCOMPLETE, true);
          recorded.endSpan(false);
        }
      }
      recorded.endSegment(output);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-abandon", "llmops-agent: could not end the span of " + where(), e);
      if (recorded.span() != null) {
        recorded.endSpan(false);
      }
      recorded.endSegment(null);
    } catch (StackOverflowError e) {
      abandoning = false; // no call here: a later call with more stack tries again
      stack.overflowed = true;
      return false;
    }
    return true;
  }

  /**
   * Takes this call's span out of the thread's context. Closing a scope removes exactly its own
   * frame, wherever it is, so calls inside this one whose exit never ran need no special order:
   * each is taken out when it is abandoned.
   */
  private void leaveScope() {
    if (scopeClosed || scope == null) {
      return;
    }
    scope.close();
    scopeClosed = true;
  }

  private void finish() {
    if (thrown != null) {
      recorded.threw(thrown);
    } else {
      recorded.returned(result);
    }
    result = null;
    thrown = null;
  }

  /**
   * What the method returned, for the child segment's output, when it returned normally and not
   * a publisher (the core leaves out a {@code CompletionStage}: the segment is finalized when the
   * method returns; a later result is the span's output only).
   */
  private Object segmentOutput() {
    return exited && thrown == null && !reactive ? result : null;
  }
}
