package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.spi.SdkLog;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The span of one intercepted call, through the same public API the agent's woven code uses:
 * started from the method's annotation, ended with the result or the exception. Nothing here
 * throws into the application. Internal.
 */
final class TrackedCall {

  private final TrackedBeanMethod method;
  final Span span;

  private TrackedCall(TrackedBeanMethod method, Span span) {
    this.method = method;
    this.span = span;
  }

  /** Starts the call's span (not current yet); null when it could not start. */
  static TrackedCall start(TrackedBeanMethod method, Object self, Object[] arguments) {
    try {
      Span span = builder(method, arguments).startDetached();
      if (method.captureSelf() && self != null && span.isRecording()) {
        span.setSelf(self);
      }
      return new TrackedCall(method, span);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-enter", "llmops: could not start the span of "
          + method.where() + "; the method runs untraced", e);
      return null;
    }
  }

  private static SpanBuilder builder(TrackedBeanMethod method, Object[] arguments) {
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
      String model = method.model().isEmpty() ? Llmops.config().defaultModelId() : method.model();
      if (model != null && !model.isEmpty()) {
        builder.model(model);
      }
      int prompt = method.promptIndex();
      if (prompt >= 0 && arguments[prompt] != null) {
        builder.prompt(arguments[prompt].toString());
      }
      if (!method.promptName().isEmpty()) {
        builder.promptReference(method.promptName(), method.promptVersion());
      }
    }
    return builder;
  }

  /** Ends the span with the method's value. */
  void succeed(Object value) {
    try {
      if (!span.isRecording()) {
        return;
      }
      if (method.captureOutput() && !method.isVoid()) {
        span.setOutput(value);
      }
      if (method.isLlmCall()) {
        LlmResponse response = LlmResponse.read(value);
        if (response != null) {
          span.recordLlmResponse(response);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-output", "llmops: could not record the result of "
          + method.where(), e);
    } finally {
      end();
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
      end();
    }
  }

  /** The subscriber cancelled a publisher before its terminal signal. */
  void cancel() {
    try {
      span.setMetadata("reactive.cancelled", true);
    } finally {
      end();
    }
  }

  private void end() {
    try {
      span.end();
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
