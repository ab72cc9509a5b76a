package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.internal.capture.Errors;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.model.ErrorInfo;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import java.util.List;
import java.util.Map;

/**
 * Loads and initialises the classes that recording a span and capturing values need, for code
 * that may first record deep in a recursion (an agent's woven methods): loading a class there
 * runs the class file transformers with no stack left, and a class whose initialiser overflows
 * stays unusable for the life of the JVM. Captures values only: no span, no trace, no
 * configuration. Internal.
 */
final class CaptureWarmUp {

  private CaptureWarmUp() {}

  /** Initialises {@code integrationClasses} (an integration's own), then the core's. */
  static void run(Class<?>... integrationClasses) {
    initialize(integrationClasses);
    initialize(SpanState.class, NoopSpan.class, SpanData.class, TraceData.class, ErrorInfo.class);
    LlmopsContext.current(); // links the per-thread context stack
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
