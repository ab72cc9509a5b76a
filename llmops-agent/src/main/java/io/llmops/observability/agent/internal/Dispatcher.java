package io.llmops.observability.agent.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.spi.SdkLog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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
    CallStack stack = null;
    ActiveCall call = null;
    try {
      stack = CallStack.current();
      if (!stack.hasRoom()) {
        stack.untraced++;
        return null;
      }
      stack.endLeftBehind();
      String model = null;
      String prompt = null;
      if (method.isLlmCall()) {
        model = method.model().isEmpty() ? Llmops.config().defaultModelId() : method.model();
        prompt = prompt(method, arguments);
      }
      // On the stack before the span starts: if the entry stops part-way, a later call ends it.
      call = new ActiveCall(method, model, prompt, stack);
      stack.push(call);
      if (method.resumesSegment()) {
        call.resumeSegment(arguments); // first: the span is then recorded in the segment
      }
      if (method.callsExternalService()) {
        call.span = call.startExternalCall();
        recordArguments(call.span, method, arguments);
      } else {
        call.span = spanBuilder(method, model, prompt, arguments).startDetached();
      }
      if (!call.span.isRecording()) {
        stack.pop(call);
        call.endSegment(null);
        return null;
      }
      if (method.captureSelf() && !method.isStatic() && self != null) {
        call.span.setSelf(self);
      }
      call.makeCurrent();
      return call;
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-enter", "llmops-agent: could not start the span of "
          + method.where() + "; the method runs untraced", e);
      if (call != null) {
        stack.pop(call);
        call.abandon();
      }
      return null;
    } catch (StackOverflowError e) {
      // No call here, and nothing logged: the application is about to see its own overflow.
      if (call != null) {
        call.exitFailed = true; // a later call with room ends its span, if it started
      }
      if (stack != null) {
        stack.overflowed = true;
        if (call == null || call.span == null) {
          stack.untraced++;
        }
      }
      return null;
    }
  }

  private static SpanBuilder spanBuilder(TrackedMethod method, String model, String prompt,
      Object[] arguments) {
    SpanBuilder builder = Llmops.spanBuilder(method.spanName(), SpanType.valueOf(method.typeName()));
    for (Map.Entry<String, Object> entry : method.metadata().entrySet()) {
      builder.metadata(entry.getKey(), entry.getValue());
    }
    for (String tag : method.tags()) {
      builder.tag(tag);
    }
    if (method.captureArgs() && arguments != null && arguments.length > 0) {
      String[] names = namesOf(method, arguments);
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
    if (method.promptLink() != null) {
      builder.promptReference(method.promptLink().name(), method.promptLink().version());
    }
    return builder;
  }

  /** As {@link #spanBuilder} records them, on a span already started. */
  private static void recordArguments(Span span, TrackedMethod method, Object[] arguments) {
    if (method.captureArgs() && arguments != null && arguments.length > 0) {
      String[] names = namesOf(method, arguments);
      if (names != null) {
        for (int i = 0; i < names.length; i++) {
          span.setInput(names[i], arguments[i]);
        }
      } else {
        span.setArgs(arguments);
      }
    }
  }

  /** The arguments' names, or null when the class file does not have them (positional). */
  private static String[] namesOf(TrackedMethod method, Object[] arguments) {
    String[] names = method.parameterNames();
    return names != null && names.length == arguments.length ? names : null;
  }

  /** The arguments by name where known, else in order: a child segment's input. */
  static Object namedArguments(TrackedMethod method, Object[] arguments) {
    if (arguments == null || arguments.length == 0) {
      return null;
    }
    String[] names = namesOf(method, arguments);
    if (names == null) {
      return Arrays.asList(arguments);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      named.put(names[i], arguments[i]);
    }
    return named;
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
      if (stored(call, result, thrown)) {
        call.exit();
      }
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-exit", "llmops-agent: could not end the span of "
          + call.method.where(), e);
      call.stack.pop(call);
      call.abandon();
    } catch (StackOverflowError e) {
      // No call here: a later call with room ends the span.
      call.exitFailed = true;
      call.stack.overflowed = true;
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
    call.reactive = true;
    try {
      return stored(call, result, null) ? call.exitReactive(result) : result;
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-reactive", "llmops-agent: could not follow the publisher of "
          + call.method.where() + "; its span ends now", e);
      call.stack.pop(call);
      call.abandon();
      return result;
    } catch (StackOverflowError e) {
      call.exitFailed = true;
      call.stack.overflowed = true;
      return result;
    }
  }

  /**
   * Stores the outcome in the call (plain stores: the stack may have run out) and says whether
   * there is room to record it now; if not, the call waits on the stack for a later one.
   */
  private static boolean stored(ActiveCall call, Object result, Throwable thrown) {
    call.result = result;
    call.thrown = thrown;
    call.exited = true;
    if (thrown instanceof StackOverflowError) {
      call.stack.overflowed = true;
    }
    if (call.stack.hasRoom()) {
      return true;
    }
    call.exitFailed = true;
    return false;
  }

  /** Inserted before each return and throw of a method with {@code captureLocals}. */
  public static void local(String name, Object value) {
    try {
      Llmops.currentSpan().setLocal(name, value);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("agent-local", "llmops-agent: could not record a local variable", e);
    } catch (StackOverflowError e) {
      // the local is not recorded; the method returns or throws as it would have
    }
  }
}
