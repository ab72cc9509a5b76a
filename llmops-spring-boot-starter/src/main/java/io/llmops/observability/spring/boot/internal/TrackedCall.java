package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.ExternalCall;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.EvaluationHandOff;
import io.llmops.observability.spi.HeaderCarriers;
import io.llmops.observability.spi.SdkLog;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The span of one intercepted call, through the same public API the agent's woven code uses:
 * started from the method's annotation, ended with the result or the exception. A {@code
 * @TrackExternalService} call is an {@link ExternalCall}, answered when the method's result is;
 * a {@code @ResumeExternalService} call outside any trace, with the caller's headers in an
 * argument, first starts the caller's child segment, finalized when the method returns (docs/
 * AGENT.md, "Calls to other services and their handlers"). Nothing here throws into the
 * application. Internal.
 */
final class TrackedCall {

  private final TrackedBeanMethod method;
  final Span span;
  private final ExternalCall external;
  private final boolean segmentStarted;
  private final Object segmentInput;
  /** For {@code @TrackLlmCall}: the model and the prompt recorded, handed to evaluation. */
  private final String model;
  private final String prompt;

  private TrackedCall(TrackedBeanMethod method, Span span, ExternalCall external,
      boolean segmentStarted, Object segmentInput, String model, String prompt) {
    this.method = method;
    this.span = span;
    this.model = model;
    this.prompt = prompt;
    this.external = external;
    this.segmentStarted = segmentStarted;
    this.segmentInput = segmentInput;
  }

  /** Starts the call's span (not current yet); null when it could not start. */
  static TrackedCall start(TrackedBeanMethod method, Object self, Object[] arguments) {
    boolean segmentStarted = false;
    try {
      segmentStarted = resumeSegment(method, arguments);
      Object segmentInput = segmentStarted && method.captureArgs()
          ? method.namedArguments(arguments) : null;
      TrackedBeanMethod.ExternalService service = method.externalService();
      ExternalCall external = null;
      String model = method.isLlmCall() ? model(method) : null;
      String prompt = method.isLlmCall() ? prompt(method, arguments) : null;
      Span span;
      if (service == null) {
        span = builder(method, arguments, model, prompt).startDetached();
      } else {
        external = ExternalCall.to(service.serviceName()).transport(service.transport())
            .spanName(method.spanName()).startDetached();
        span = external.span();
        if (method.captureArgs() && arguments.length > 0) {
          captureArguments(span, method, arguments);
        }
      }
      if (method.captureSelf() && self != null && span.isRecording()) {
        span.setSelf(self);
      }
      return new TrackedCall(method, span, external, segmentStarted, segmentInput, model, prompt);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-enter", "llmops: could not start the span of "
          + method.where() + "; the method runs untraced", e);
      if (segmentStarted) {
        TraceManager.finalizeAndSend();
      }
      return null;
    }
  }

  /** Outside any trace, with the caller's headers in an argument: starts its child segment. */
  private static boolean resumeSegment(TrackedBeanMethod method, Object[] arguments) {
    if (method.segmentName() == null || LlmopsContext.current().traceId() != null) {
      return false; // a span of the trace already here, never a second envelope
    }
    RemoteParent caller = HeaderCarriers.read(arguments);
    return caller != null
        && TraceManager.newTrace(method.segmentName()).remoteParent(caller).start() != null;
  }

  /**
   * After the method returned or threw, on its thread: finalizes the child segment this call
   * started, with the method's value as its output when it returned one synchronously.
   */
  void endSegment(Object output) {
    if (!segmentStarted) {
      return;
    }
    try {
      boolean synchronous = output != null && method.captureOutput() && !method.isVoid();
      TraceManager.finalizeTrace().input(segmentInput).output(synchronous ? output : null).send();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-segment", "llmops: could not send the segment of "
          + method.where(), e);
    }
  }

  /** The arguments by name, as the span builder records them, or in order without names. */
  private static void captureArguments(Span span, TrackedBeanMethod method, Object[] arguments) {
    String[] names = method.parameterNames();
    if (names == null || names.length != arguments.length) {
      span.setArgs(arguments);
      return;
    }
    for (int i = 0; i < names.length; i++) {
      span.setInput(names[i], arguments[i]);
    }
  }

  private static String model(TrackedBeanMethod method) {
    return method.model().isEmpty() ? Llmops.config().defaultModelId() : method.model();
  }

  private static String prompt(TrackedBeanMethod method, Object[] arguments) {
    int index = method.promptIndex();
    return index >= 0 && arguments[index] != null ? arguments[index].toString() : null;
  }

  private static SpanBuilder builder(TrackedBeanMethod method, Object[] arguments, String model,
      String prompt) {
    SpanBuilder builder = Llmops.spanBuilder(method.spanName(), method.type());
    for (Map.Entry<String, Object> entry : method.metadata().entrySet()) {
      builder.metadata(entry.getKey(), entry.getValue());
    }
    method.tags().forEach(builder::tag);
    if (method.captureArgs() && arguments.length > 0) {
      String[] names = method.parameterNames();
      if (names != null && names.length == arguments.length) {
        for (int i = 0; i < names.length; i++) {
          builder.input(names[i], arguments[i]);
        }
      } else {
        builder.args(arguments);
      }
    }
    if (method.isLlmCall()) {
      if (model != null && !model.isEmpty()) {
        builder.model(model);
      }
      if (prompt != null) {
        builder.prompt(prompt);
      }
      if (!method.promptName().isEmpty()) {
        builder.promptReference(method.promptName(), method.promptVersion());
      }
    }
    return builder;
  }

  /**
   * Ends the span with the method's value; then hands a {@code @TrackLlmCall} generation to the
   * evaluation handlers, as the agent does.
   */
  void succeed(Object value) {
    boolean recording = false;
    LlmResponse response = null;
    try {
      recording = span.isRecording();
      if (!recording) {
        return;
      }
      if (method.captureOutput() && !method.isVoid()) {
        span.setOutput(value);
      }
      if (method.isLlmCall()) {
        response = LlmResponse.read(value);
        if (response != null) {
          span.recordLlmResponse(response);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-output", "llmops: could not record the result of "
          + method.where(), e);
    } finally {
      end(true);
    }
    if (recording && method.isLlmCall()) {
      EvaluationHandOff.handOff(span, method.spanName(), model, prompt, response,
          method.evaluation());
    }
  }

  /** Ends the span failed with {@code failure} (unwrapped from a future's wrapper). */
  void fail(Throwable failure) {
    try {
      if (span.isRecording()) {
        span.recordException(unwrap(failure));
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-failure", "llmops: could not record the failure of "
          + method.where(), e);
    } finally {
      end(false);
    }
  }

  /** The subscriber cancelled a publisher before its terminal signal. */
  void cancel() {
    try {
      span.setMetadata("reactive.cancelled", true);
    } finally {
      end(false);
    }
  }

  /** Ends the span; a call to another service is answered when the method's result is. */
  private void end(boolean answered) {
    try {
      if (external == null) {
        span.end();
        return;
      }
      if (answered) {
        external.answered();
      }
      external.close();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-end", "llmops: could not end the span of " + method.where(), e);
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
