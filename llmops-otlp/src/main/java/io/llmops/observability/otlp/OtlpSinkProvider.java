package io.llmops.observability.otlp;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.internal.OtlpKeys;
import io.llmops.observability.otlp.internal.OtlpSink;
import io.llmops.observability.otlp.internal.OtlpTarget;
import io.llmops.observability.spi.SinkProvider;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sink named {@code otlp}: traces as OTLP/HTTP spans to any OpenTelemetry backend
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_HEADERS}, {@code OTEL_SERVICE_NAME}). Used when {@code LLMOPS_SINKS}
 * names it; registered with {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class OtlpSinkProvider implements SinkProvider {

  public static final String NAME = "otlp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SettingKey<?>> settings() {
    return OtlpKeys.OTLP;
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    return create(config, SinkMetrics.detached());
  }

  @Override
  public TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return prepare(config, metrics).get();
  }

  /** Resolves the endpoint and headers now; the supplier builds the exporter on the sink's thread. */
  @Override
  public Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    OtlpTarget target = OtlpTarget.otlp(config);
    return () -> OtlpSink.start(target, metrics);
  }
}
