package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every annotated method. It only hands over to {@link Dispatcher}; any failure of
 * its own is suppressed, so the method's result and exceptions are never changed. Internal.
 */
final class TrackAdvice {

  private TrackAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @TrackedMethodId int id,
      @Advice.This(optional = true) Object self,
      @Advice.AllArguments Object[] arguments) {
    return Dispatcher.enter(id, self, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    Dispatcher.exit(call, result, thrown);
  }
}
