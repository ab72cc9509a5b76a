package io.llmops.observability.agent.internal;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The exit half for annotated methods that return a Reactor {@code Mono} or {@code Flux},
 * paired with {@link TrackAdvice}'s entry: the returned publisher is replaced by one that ends
 * the span at its terminal signal (Reactor is lazy: the work happens when it is subscribed).
 * Internal.
 */
final class ReactiveExitAdvice {

  private ReactiveExitAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
      @Advice.Thrown Throwable thrown) {
    result = Dispatcher.exitReactive(call, result, thrown);
  }
}
