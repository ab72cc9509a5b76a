package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into annotated methods that return a Reactor {@code Mono} or {@code Flux}: like
 * {@link TrackAdvice}, except that the returned publisher is replaced by one that ends the span
 * at its terminal signal (Reactor is lazy: the work happens when it is subscribed). Internal.
 */
final class ReactiveTrackAdvice {

  private ReactiveTrackAdvice() {}

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
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    result = Dispatcher.exitReactive(call, result, thrown);
  }
}
