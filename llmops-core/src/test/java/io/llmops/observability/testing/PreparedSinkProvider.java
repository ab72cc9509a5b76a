package io.llmops.observability.testing;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A sink module that prepares its sink in two steps, as llmops-sqs does: it records the threads
 * that prepared and built its sinks, and its builds fail while {@link #failBuilds} is set.
 */
public final class PreparedSinkProvider implements SinkProvider {

  public static final String NAME = "prepared";
  public static final List<String> PREPARED_ON = new CopyOnWriteArrayList<>();
  public static final List<String> BUILT_ON = new CopyOnWriteArrayList<>();
  public static final List<CollectingSink> BUILT = new CopyOnWriteArrayList<>();
  public static volatile boolean failBuilds;

  /** Forgets what was recorded; builds succeed again. */
  public static void reset() {
    PREPARED_ON.clear();
    BUILT_ON.clear();
    BUILT.clear();
    failBuilds = false;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    return prepare(config, SinkMetrics.detached()).get();
  }

  @Override
  public Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    PREPARED_ON.add(Thread.currentThread().getName());
    return () -> {
      BUILT_ON.add(Thread.currentThread().getName());
      if (failBuilds) {
        throw new IllegalStateException("the prepared sink cannot be built");
      }
      CollectingSink sink = new CollectingSink();
      BUILT.add(sink);
      return sink;
    };
  }
}
