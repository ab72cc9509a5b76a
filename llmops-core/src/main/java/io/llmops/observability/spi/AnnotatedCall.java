package io.llmops.observability.spi;

import io.llmops.observability.ExternalCall;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.TraceManager;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * One call of an {@link AnnotatedMethod}, recorded through the public API: the one
 * implementation of an annotated call, used by the agent's woven code and by Spring AOP, which
 * differ only in how they read the method and how they hook in.
 *
 * <p>In order: {@link #resumeSegment} (a {@code @ResumeExternalService} call outside any trace,
 * with the caller's headers in an argument, starts the caller's child segment), {@link #start}
 * (the span, from the annotation's values, the arguments and the receiver; an {@code
 * ExternalCall} for {@code @TrackExternalService}), the caller makes it current while the method
 * runs, then {@link #threw}, {@link #returned} (a {@code CompletionStage} ends the span when it
 * completes) or {@link #returnedPublisher} (a Reactor {@code Mono} or {@code Flux}: at its
 * terminal signal), then {@link #endSegment}. A {@code @TrackLlmCall} span records the response
 * the core's readers find in the result and is then handed to {@link EvaluationHandOff}.
 *
 * <p>Used by the method's thread, except for the end of an asynchronous result. Failures of the
 * SDK are logged once and never thrown (a {@code StackOverflowError} passes, for the agent to
 * handle); what the method threw is recorded, never rethrown here.
 */
public final class AnnotatedCall {

  private final AnnotatedMethod method;
  private final @Nullable String model;
  private final @Nullable String prompt;
  /** Null until started. */
  private @Nullable Span span;
  /** The call to another service the span records, or null: answered if the method is. */
  private @Nullable ExternalCall external;
  /** This call started a child segment, which it finalizes when the method ends. */
  private boolean segmentStarted;
  /** The segment's input: the arguments, by name where known. */
  private @Nullable Object segmentInput;
  /** The span's end is up to a CompletionStage or a publisher. */
  private boolean handedOff;

  /** A call of {@code method} with {@code arguments}: reads its model and prompt; starts nothing. */
  public AnnotatedCall(AnnotatedMethod method, Object @Nullable [] arguments) {
    this.method = method;
    this.model = method.isLlmCall() ? modelOf(method) : null;
    this.prompt = method.isLlmCall() ? promptOf(method, arguments) : null;
  }

  /**
   * The core's classes that every annotated call uses, for a caller that loads them before the
   * first call: the agent, whose first call may come deep in a recursion, where loading a class
   * fails (docs/AGENT.md, "When the stack runs out").
   */
  public static Class<?>[] classesUsed() {
    return new Class<?>[] {AnnotatedCall.class, AnnotatedMethod.class, Completion.class,
        EvaluationHandOff.class, EvaluationSettings.class};
  }

  public AnnotatedMethod method() {
    return method;
  }

  /** The span, once {@link #start} returned it; else null. */
  public @Nullable Span span() {
    return span;
  }

  /** Whether the span's end was handed to the method's asynchronous result. */
  public boolean handedOff() {
    return handedOff;
  }

  private static @Nullable String modelOf(AnnotatedMethod method) {
    return method.model().isEmpty() ? Llmops.config().defaultModelId() : method.model();
  }

  private static @Nullable String promptOf(AnnotatedMethod method, Object @Nullable [] arguments) {
    int index = method.promptIndex();
    if (index < 0 || arguments == null || index >= arguments.length || arguments[index] == null) {
      return null;
    }
    return arguments[index].toString();
  }

  /**
   * Before {@link #start}, for a method that resumes segments: outside any trace, when one of
   * {@code arguments} carries the caller's trace headers, starts the child segment the span is
   * then recorded in. Inside a trace it does nothing: never a second envelope.
   */
  public void resumeSegment(Object @Nullable [] arguments) {
    if (!method.resumesSegment() || LlmopsContext.current().traceId() != null) {
      return;
    }
    RemoteParent caller = HeaderCarriers.read(arguments);
    if (caller != null) {
      segmentInput = method.captureArgs() ? method.namedArguments(arguments) : null;
      segmentStarted = TraceManager.newTrace(method.segmentName()).remoteParent(caller).start() != null;
    }
  }

  /**
   * Starts the span (not current: the caller makes it current while the method runs), with the
   * receiver's fields when {@code captureSelf} asks and the span records. May throw: the caller
   * runs the method untraced then (after {@link #endSegment endSegment(null)}).
   */
  public Span start(@Nullable Object self, Object @Nullable [] arguments) {
    Span started;
    if (method.callsExternalService()) {
      external = ExternalCall.to(method.serviceName()).transport(method.transport())
          .spanName(method.spanName()).startDetached();
      started = external.span();
      span = started;
      recordArguments(started, arguments);
    } else {
      started = spanBuilder(arguments).startDetached();
      span = started;
    }
    if (method.captureSelf() && self != null && started.isRecording()) {
      started.setSelf(self);
    }
    return started;
  }

  private SpanBuilder spanBuilder(Object @Nullable [] arguments) {
    SpanBuilder builder = Llmops.spanBuilder(method.spanName(), method.type());
    for (Map.Entry<String, Object> entry : method.metadata().entrySet()) {
      builder.metadata(entry.getKey(), entry.getValue());
    }
    for (String tag : method.tags()) {
      builder.tag(tag);
    }
    if (method.captureArgs() && arguments != null && arguments.length > 0) {
      String[] names = method.namesOf(arguments);
      if (names != null) {
        for (int i = 0; i < names.length; i++) {
          builder.input(names[i], arguments[i]);
        }
      } else {
        builder.args(arguments);
      }
    }
    if (model != null && !model.isEmpty()) {
      builder.model(model);
    }
    if (prompt != null) {
      builder.prompt(prompt);
    }
    if (!method.promptName().isEmpty()) {
      builder.promptReference(method.promptName(), method.promptVersion());
    }
    return builder;
  }

  /** As {@link #spanBuilder} records them, on a span already started. */
  private void recordArguments(Span started, Object @Nullable [] arguments) {
    if (!method.captureArgs() || arguments == null || arguments.length == 0) {
      return;
    }
    String[] names = method.namesOf(arguments);
    if (names == null) {
      started.setArgs(arguments);
      return;
    }
    for (int i = 0; i < names.length; i++) {
      started.setInput(names[i], arguments[i]);
    }
  }

  /** The method threw {@code failure} (rethrown by the caller, unchanged): ends the span failed. */
  public void threw(Throwable failure) {
    fail(failure);
  }

  /**
   * The method returned {@code result}: ends the span with it, or, for a {@code
   * CompletionStage}, when the stage completes (its trace waits no longer than the grace).
   */
  public void returned(@Nullable Object result) {
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete(new Completion(this));
      handedOff = true;
      awaitEnd();
    } else {
      succeed(result);
    }
  }

  /**
   * The method returned a Reactor {@code Mono} or {@code Flux}: returns the publisher to hand to
   * the caller instead, which ends the span at its terminal signal. Needs Reactor: callers check
   * {@link #isReactivePublisher} or know the declared type.
   */
  public Object returnedPublisher(Object publisher) {
    Object tracked = PublisherEnding.track(this, publisher);
    handedOff = true;
    awaitEnd();
    return tracked;
  }

  /** Whether {@code value} is a Reactor {@code Mono} or {@code Flux}; needs Reactor. */
  public static boolean isReactivePublisher(@Nullable Object value) {
    return PublisherEnding.isPublisher(value);
  }

  /** The span ends after the method returned: its trace waits for it no longer than the grace. */
  private void awaitEnd() {
    if (span != null && span.isRecording()) {
      SpanHooks.awaitEnd(span);
    }
  }

  /** Ends the span with the method's value; then hands a generation to evaluation. */
  void succeed(@Nullable Object value) {
    Span current = span;
    if (current == null || !current.isRecording()) {
      return;
    }
    LlmResponse response = null;
    try {
      if (method.captureOutput() && !method.isVoid()) {
        current.setOutput(value);
      }
      if (method.isLlmCall()) {
        response = LlmResponse.read(value);
        if (response != null) {
          current.recordLlmResponse(response);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("annotated-output", "llmops: could not record the result of "
          + method.where(), e);
    } finally {
      endSpan(true);
    }
    if (method.isLlmCall()) {
      EvaluationHandOff.handOff(current, method.spanName(), model, prompt, response,
          method.evaluation());
    }
  }

  /** Ends the span failed with {@code failure}. */
  void fail(Throwable failure) {
    Span current = span;
    if (current == null || !current.isRecording()) {
      return;
    }
    try {
      current.recordException(failure);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("annotated-failure", "llmops: could not record the failure of "
          + method.where(), e);
    } finally {
      endSpan(false);
    }
  }

  /** The subscriber cancelled a publisher before its terminal signal. */
  void cancel() {
    try {
      if (span != null) {
        span.setMetadata("reactive.cancelled", true);
      }
    } finally {
      endSpan(false);
    }
  }

  /**
   * Ends the span now, as not answered (a call whose outcome is unknown: the caller marked it
   * so); a call to another service is answered only when the method's result is.
   */
  public void endSpan(boolean answered) {
    try {
      if (external != null) {
        if (answered) {
          external.answered();
        }
        external.close();
      } else if (span != null) {
        span.end();
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("annotated-end", "llmops: could not end the span of " + method.where(), e);
    }
  }

  /**
   * After the method returned or threw, on its thread: finalizes the child segment this call
   * started (once), where it is the active trace; it is sent once its spans have ended (or when
   * {@code LLMOPS_FINALIZE_GRACE} runs out). {@code returned} is what the method returned, its
   * output when it is synchronous and {@code captureOutput} asks; null after an exception or a
   * publisher.
   */
  public void endSegment(@Nullable Object returned) {
    if (!segmentStarted) {
      return;
    }
    segmentStarted = false;
    boolean output = method.captureOutput() && !method.isVoid()
        && !(returned instanceof CompletionStage<?>);
    try {
      TraceManager.finalizeTrace().input(segmentInput).output(output ? returned : null).send();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("annotated-segment", "llmops: could not send the segment of "
          + method.where(), e);
    } finally {
      segmentInput = null;
    }
  }
}
