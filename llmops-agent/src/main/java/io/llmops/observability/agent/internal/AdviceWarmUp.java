package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SpanHooks;

/**
 * Loads and initialises, at install, the classes the woven code needs on its way, so that none is
 * loaded for the first time deep in a recursion. Loading a class there runs the class file
 * transformers with no stack left: the JVM's instrument agent prints {@code java.lang.instrument
 * ASSERTION FAILED} to standard error, and a class whose initialiser overflows stays unusable for
 * the life of the JVM. What is exercised here captures values only: no span, no trace, no
 * configuration. Internal.
 */
final class AdviceWarmUp {

  private AdviceWarmUp() {}

  static void run() {
    CallStack.current(); // links its per-thread initialiser
    // the woven code's own classes, then the core's: spans, context, captured values, exceptions
    SpanHooks.warmUp(Dispatcher.class, ActiveCall.class, ActiveCall.Completion.class,
        CallStack.class, Generations.class, TrackedMethod.class, MethodRegistry.class,
        SpanHooks.class, SdkCounters.class, SdkLog.class);
  }
}
