package io.llmops.observability.otlp;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.otlp.internal.OtlpKeys;
import io.llmops.observability.otlp.internal.OtlpTarget;
import io.llmops.observability.otlp.internal.TargetSinkProvider;
import java.util.List;

/**
 * The sink named {@code otlp}: traces as OTLP/HTTP spans to any OpenTelemetry backend
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_HEADERS}, {@code OTEL_SERVICE_NAME}). Used when {@code LLMOPS_SINKS}
 * names it; registered with {@link java.util.ServiceLoader}. Resolves the endpoint and headers
 * when preparing; the exporter is built on the sink's thread. Stateless and thread-safe.
 */
public final class OtlpSinkProvider extends TargetSinkProvider {

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
  protected OtlpTarget target(LlmopsConfig config) {
    return OtlpTarget.otlp(config);
  }
}
