package io.llmops.observability.agent.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.internal.engine.InternalLog;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What the woven code calls. Everything goes through the core's programmatic API; nothing here
 * throws into the application. Public only because woven classes in other packages call it:
 * internal, may change.
 */
public final class Dispatcher {

  private Dispatcher() {}

  /** At method entry: starts the span and makes it current. Returns the call, or null. */
  public static Object enter(int id, Object self, Object[] arguments) {
    TrackedMethod method = MethodRegistry.get(id);
    if (method == null) {
      return null;
    }
    try {
      SpanBuilder builder = Llmops.spanBuilder(method.spanName(), method.type());
      for (Map.Entry<String, String> entry : method.metadata().entrySet()) {
        builder.metadata(entry.getKey(), entry.getValue());
      }
      if (method.captureArgs() && arguments != null && arguments.length > 0) {
        String[] names = method.parameterNames();
        if (names != null && names.length == arguments.length) {
          for (int i = 0; i < names.length; i++) {
            builder.input(names[i], arguments[i]);
          }
        } else {
          builder.args(arguments);
        }
      }
      String model = null;
      String prompt = null;
      if (method.isLlmCall()) {
        model = method.model().isEmpty() ? Llmops.config().defaultModelId() : method.model();
        if (model != null && !model.isEmpty()) {
          builder.model(model);
        }
        prompt = prompt(method, arguments);
        if (prompt != null) {
          builder.prompt(prompt);
        }
      }
      Span span = builder.startDetached();
      if (!span.isRecording()) {
        return null;
      }
      if (method.captureSelf() && !method.isStatic() && self != null) {
        span.setSelf(self);
      }
      Scope scope = span.makeCurrent();
      return new ActiveCall(method, span, scope, model, prompt);
    } catch (RuntimeException | LinkageError e) {
      InternalLog.errorOnce("agent-enter", "llmops-agent: could not start the span of "
          + method.where() + "; the method runs untraced", e);
      return null;
    }
  }

  private static String prompt(TrackedMethod method, Object[] arguments) {
    int index = method.promptIndex();
    if (index < 0 || arguments == null || index >= arguments.length || arguments[index] == null) {
      return null;
    }
    return arguments[index].toString();
  }

  /** At method exit, normal or exceptional. */
  public static void exit(Object state, Object result, Throwable thrown) {
    if (!(state instanceof ActiveCall)) {
      return;
    }
    ActiveCall call = (ActiveCall) state;
    try {
      call.scope.close();
      if (thrown != null) {
        call.fail(thrown);
      } else if (result instanceof CompletionStage) {
        ((CompletionStage<?>) result).whenComplete((value, failure) -> {
          if (failure != null) {
            call.fail(unwrap(failure));
          } else {
            call.succeed(value);
          }
        });
      } else {
        call.succeed(result);
      }
    } catch (RuntimeException | LinkageError e) {
      InternalLog.errorOnce("agent-exit", "llmops-agent: could not end the span of "
          + call.method.where(), e);
      call.span.end();
    }
  }

  /**
   * At exit of a method returning a Reactor {@code Mono} or {@code Flux}: returns the publisher
   * to hand to the caller, which ends the span at its terminal signal.
   */
  public static Object exitReactive(Object state, Object result, Throwable thrown) {
    if (!(state instanceof ActiveCall) || thrown != null || result == null) {
      exit(state, result, thrown);
      return result;
    }
    ActiveCall call = (ActiveCall) state;
    try {
      call.scope.close();
      return ReactorSupport.track(call, result);
    } catch (RuntimeException | LinkageError e) {
      InternalLog.errorOnce("agent-reactive", "llmops-agent: could not follow the publisher of "
          + call.method.where() + "; its span ends now", e);
      call.span.end();
      return result;
    }
  }

  /** Inserted before each return and throw of a method with {@code captureLocals}. */
  public static void local(String name, Object value) {
    try {
      Llmops.currentSpan().setLocal(name, value);
    } catch (RuntimeException | LinkageError e) {
      InternalLog.errorOnce("agent-local", "llmops-agent: could not record a local variable", e);
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

  /** One call in flight: its span and, until the method returns, the scope that made it current. */
  static final class ActiveCall {
    final TrackedMethod method;
    final Span span;
    final Scope scope;
    final String model;
    final String prompt;

    ActiveCall(TrackedMethod method, Span span, Scope scope, String model, String prompt) {
      this.method = method;
      this.span = span;
      this.scope = scope;
      this.model = model;
      this.prompt = prompt;
    }

    void succeed(Object result) {
      LlmResponse response = null;
      try {
        if (method.captureOutput() && !method.isVoid()) {
          span.setOutput(result);
        }
        if (method.isLlmCall()) {
          response = Generations.read(span, result);
        }
      } catch (RuntimeException | LinkageError e) {
        InternalLog.errorOnce("agent-output", "llmops-agent: could not record the result of "
            + method.where(), e);
      } finally {
        span.end();
      }
      if (method.isLlmCall()) {
        Generations.evaluate(span, method, model, prompt, response);
      }
    }

    void fail(Throwable failure) {
      try {
        span.recordException(failure);
      } finally {
        span.end();
      }
    }

    /** The subscriber cancelled before a terminal signal. */
    void cancel() {
      try {
        span.setMetadata("reactive.cancelled", true);
      } finally {
        span.end();
      }
    }
  }
}
