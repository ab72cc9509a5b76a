package io.llmops.observability.agent.internal;

import io.llmops.observability.ExternalCall;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.HeaderCarriers;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SpanHooks;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * One woven call in flight: its span, the scope that makes the span current until the method
 * returns, and the outcome once the method has returned or thrown; for {@code
 * @TrackExternalService}, the {@link ExternalCall} its span belongs to; for {@code
 * @ResumeExternalService}, the child segment it started. Used by its own thread, except for the
 * outcome of an asynchronous result. Internal.
 */
final class ActiveCall {

  /** Span metadata: the agent could not record how the method ended (the stack had run out). */
  static final String INCOMPLETE = "llmops.incomplete";

  final TrackedMethod method;
  final String model;
  final String prompt;
  final CallStack stack;
  /** The call this one runs inside, on the same thread, or null. */
  final ActiveCall outer;

  /** Null until started: the entry may fail before. */
  Span span;
  /** Set when the exit (or the entry) did not complete; a later call on the thread ends the span. */
  boolean exitFailed;
  // The outcome, stored by the exit before anything else, without a call.
  boolean exited;
  Object result;
  Throwable thrown;
  /** The method returns a Reactor publisher: the span's end is up to the publisher's signals. */
  boolean reactive;
  /** The call to another service the span records, or null: it is answered if the method is. */
  private ExternalCall external;
  /** This call started a child segment, which it finalizes when the method ends. */
  private boolean segmentStarted;
  /** The segment's input: the arguments, by name where known. */
  private Object segmentInput;

  private Scope scope;
  private boolean scopeClosed;
  private boolean abandoning;
  /** The span's end is up to a CompletionStage or a publisher. */
  private boolean handedOff;

  ActiveCall(TrackedMethod method, String model, String prompt, CallStack stack) {
    this.method = method;
    this.model = model;
    this.prompt = prompt;
    this.stack = stack;
    this.outer = stack.innermost;
  }

  /**
   * At entry, before the span starts: outside any trace, when one of {@code arguments} carries
   * the caller's trace headers, starts the child segment the span is recorded in.
   */
  void resumeSegment(Object[] arguments) {
    if (LlmopsContext.current().traceId() != null) {
      return; // a span of the trace already here, never a second envelope
    }
    RemoteParent caller = HeaderCarriers.read(arguments);
    if (caller != null) {
      segmentInput = method.captureArgs() ? Dispatcher.namedArguments(method, arguments) : null;
      segmentStarted = TraceManager.newTrace(method.segmentName()).remoteParent(caller).start() != null;
    }
  }

  /** Starts the span as a call to the method's service; not current yet. */
  Span startExternalCall() {
    external = ExternalCall.to(method.serviceName()).transport(method.transport())
        .spanName(method.spanName()).startDetached();
    return external.span();
  }

  /** Makes the span current; called once, at entry. */
  void makeCurrent() {
    scope = span.makeCurrent();
  }

  /** At the method's exit, its outcome stored: ends the span, or hands it to a CompletionStage. */
  void exit() {
    stack.unwindTo(this);
    leaveScope();
    Object output = segmentOutput();
    finish();
    endSegment(output);
    stack.pop(this);
  }

  /** At the exit of a method returning a Reactor publisher: the publisher to return instead. */
  Object exitReactive(Object publisher) {
    stack.unwindTo(this);
    leaveScope();
    Object tracked = ReactorSupport.track(this, publisher);
    handedOff = true;
    awaitEnd();
    endSegment(null);
    stack.pop(this);
    return tracked;
  }

  /** The span ends after the method returned: its trace waits for it no longer than the grace. */
  private void awaitEnd() {
    if (span.isRecording()) {
      SpanHooks.awaitEnd(span);
    }
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
      if (span != null && !handedOff && span.isRecording()) {
        if (exited && !reactive) {
          finish();
        } else {
          span.setMetadata(INCOMPLETE, true);
          endSpan(false);
        }
      }
      endSegment(output);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-abandon", "llmops-agent: could not end the span of "
          + method.where(), e);
      if (span != null) {
        endSpan(false);
      }
      endSegment(null);
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
      fail(thrown);
    } else if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete(new Completion(this));
      handedOff = true;
      awaitEnd();
    } else {
      succeed(result);
    }
    result = null;
    thrown = null;
  }

  void succeed(Object value) {
    if (!span.isRecording()) {
      return;
    }
    LlmResponse response = null;
    try {
      if (method.captureOutput() && !method.isVoid()) {
        span.setOutput(value);
      }
      if (method.isLlmCall()) {
        response = Generations.read(span, value);
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-output", "llmops-agent: could not record the result of "
          + method.where(), e);
    } finally {
      endSpan(true);
    }
    if (method.isLlmCall()) {
      Generations.evaluate(span, method, model, prompt, response);
    }
  }

  void fail(Throwable failure) {
    if (!span.isRecording()) {
      return;
    }
    try {
      span.recordException(failure);
    } finally {
      endSpan(false);
    }
  }

  /** The subscriber cancelled before a terminal signal. */
  void cancel() {
    try {
      span.setMetadata("reactive.cancelled", true);
    } finally {
      endSpan(false);
    }
  }

  /** Ends the span; a call to another service is answered when the method's result is. */
  private void endSpan(boolean answered) {
    if (external == null) {
      span.end();
      return;
    }
    if (answered) {
      external.answered();
    }
    external.close();
  }

  /**
   * The child segment's output: the method's return value, when it returned one that is not
   * asynchronous (the segment is finalized when the method returns; a later result is the
   * span's output only).
   */
  private Object segmentOutput() {
    boolean synchronous = !reactive && !(result instanceof CompletionStage<?>);
    return segmentStarted && exited && thrown == null && synchronous && method.captureOutput()
        && !method.isVoid() ? result : null;
  }

  /**
   * Finalizes the child segment this call started, on its thread, where it is the active trace:
   * it is sent once its spans have ended (or when {@code LLMOPS_FINALIZE_GRACE} runs out).
   */
  void endSegment(Object output) {
    if (!segmentStarted) {
      return;
    }
    segmentStarted = false;
    TraceManager.finalizeTrace().input(segmentInput).output(output).send();
    segmentInput = null;
  }

  /** Ends the span when the returned stage completes (a class, not a lambda: see AdviceWarmUp). */
  static final class Completion implements BiConsumer<Object, Throwable> {
    private final ActiveCall call;

    Completion(ActiveCall call) {
      this.call = call;
    }

    @Override
    public void accept(Object value, Throwable failure) {
      if (failure != null) {
        call.fail(unwrap(failure));
      } else {
        call.succeed(value);
      }
    }

    private static Throwable unwrap(Throwable failure) {
      Throwable current = failure;
      while ((current instanceof CompletionException || current instanceof ExecutionException)
          && current.getCause() != null) {
        current = current.getCause();
      }
      return current;
    }
  }
}
