package io.llmops.observability.agent.internal;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.engine.SpanInternals;
import io.llmops.observability.internal.model.ErrorInfo;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import java.util.List;
import java.util.Map;

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
    initialize(Dispatcher.class, ActiveCall.class, ActiveCall.Completion.class, CallStack.class,
        Generations.class, TrackedMethod.class, MethodRegistry.class,
        SpanInternals.class, SpanData.class, TraceData.class, ErrorInfo.class);
    CallStack.current(); // links its per-thread initialiser
    LlmopsContext.current().unwrap();
    // recording an exception, the first one may well be a StackOverflowError
    Errors.capture(new IllegalStateException("warm-up", new StackOverflowError()));
    Snapshotter.capture(new Sample());
    Snapshotter.capture(List.of(Map.of("key", 1L), new int[] {1}, Double.valueOf(0.5)));
  }

  private static void initialize(Class<?>... types) {
    for (Class<?> type : types) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot initialise " + type.getName(), e);
      }
    }
  }

  /**
   * A plain object, captured field by field as the application's values are: reading a field
   * the first time sets up a reflective accessor for its kind of field.
   */
  @SuppressWarnings({"unused", "FieldMayBeFinal"})
  private static final class Sample {
    private final String name = "sample";
    private final int count = 1;
    private final long total = 2L;
    private final double ratio = 0.5;
    private final boolean flag = true;
    private String note = "note";
    private int size = 3;
    private long stamp = 4L;
    private double share = 0.25;
    private boolean seen;
    private volatile Object shared = List.of();
  }
}
