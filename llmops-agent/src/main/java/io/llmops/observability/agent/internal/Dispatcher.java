package io.llmops.observability.agent.internal;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.spi.SdkLog;

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
      // On the stack before the span starts: if the entry stops part-way, a later call ends it.
      call = new ActiveCall(AnnotatedMethods.of(id, method), arguments, stack);
      stack.push(call);
      call.recorded.resumeSegment(arguments); // first: the span is then recorded in the segment
      Span span = call.recorded.start(self, arguments);
      if (!span.isRecording()) {
        stack.pop(call);
        call.recorded.endSegment(null);
        return null;
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
        if (call == null || call.span() == null) {
          stack.untraced++;
        }
      }
      return null;
    }
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
          + call.where(), e);
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
          + call.where() + "; its span ends now", e);
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
