package io.llmops.observability.otlp.internal;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code otlp} and {@code langfuse} providers share: the target is resolved and checked
 * on the configuring thread, and the sink (its exporter and HTTP client) is built by the supplier
 * on the sink's own thread. Internal: the public providers extend it; do not use.
 */
public abstract class TargetSinkProvider implements SinkProvider {

  /**
   * The sink's target, its variables checked; null when the sink is not configured (the sink then
   * logs that once and fails every export).
   *
   * @throws IllegalArgumentException naming the variable when one is missing or invalid
   */
  protected abstract @Nullable OtlpTarget target(LlmopsConfig config);

  @Override
  public final TraceSink create(LlmopsConfig config) {
    return create(config, SinkMetrics.detached());
  }

  @Override
  public final TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return prepare(config, metrics).get();
  }

  @Override
  public final Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    OtlpTarget target = target(config);
    String name = name();
    if (target == null) {
      return () -> new UnconfiguredSink(name);
    }
    return () -> OtlpSink.start(target, metrics);
  }
}
