package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.AnnotatedCall;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SpanHooks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    // the woven code's own classes and those of the core's annotated call, then the core's:
    // spans, context, captured values, exceptions
    List<Class<?>> classes = new ArrayList<>(List.of(Dispatcher.class, ActiveCall.class,
        AnnotatedMethods.class, CallStack.class, TrackedMethod.class, MethodRegistry.class,
        SpanHooks.class, SdkCounters.class, SdkLog.class));
    classes.addAll(Arrays.asList(AnnotatedCall.classesUsed()));
    SpanHooks.warmUp(classes.toArray(new Class<?>[0]));
  }
}
