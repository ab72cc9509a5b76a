package io.llmops.observability.otlp;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.internal.OtlpKeys;
import io.llmops.observability.otlp.internal.OtlpSink;
import io.llmops.observability.otlp.internal.OtlpTarget;
import io.llmops.observability.otlp.internal.UnconfiguredSink;
import io.llmops.observability.spi.SinkProvider;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sink named {@code langfuse}: traces to Langfuse's OTLP endpoint
 * ({@code LANGFUSE_PUBLIC_KEY}, {@code LANGFUSE_SECRET_KEY}, {@code LANGFUSE_BASE_URL} or
 * {@code LANGFUSE_HOST}). The specification's direct mode: used without {@code LLMOPS_SINKS} when
 * a Langfuse key is set and no SQS queue ({@code AWS_SQS_URL}) is. Registered with
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class LangfuseSinkProvider implements SinkProvider {

  public static final String NAME = "langfuse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SettingKey<?>> settings() {
    return OtlpKeys.LANGFUSE;
  }

  /**
   * True when a Langfuse key is set and {@code AWS_SQS_URL} is not: with both keys traces go
   * there; with one, configuring fails naming the missing key.
   */
  @Override
  public boolean enabledByDefault(LlmopsConfig config) {
    boolean anyKey = config.raw(OtlpSettings.LANGFUSE_PUBLIC_KEY).isPresent()
        || config.raw(OtlpSettings.LANGFUSE_SECRET_KEY).isPresent();
    return anyKey && config.raw("AWS_SQS_URL").isEmpty();
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    return create(config, SinkMetrics.detached());
  }

  /**
   * @throws IllegalArgumentException when only one of the two keys is set, or a variable of this
   *     sink has an invalid value (the message names the variable, never its value)
   */
  @Override
  public TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return prepare(config, metrics).get();
  }

  /**
   * Checks the keys now; the supplier builds the exporter on the sink's thread. Without any key
   * the sink logs "Langfuse not configured" once and fails every export.
   *
   * @throws IllegalArgumentException as {@link #create(LlmopsConfig, SinkMetrics)}
   */
  @Override
  public Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    OtlpTarget target = OtlpTarget.langfuse(config);
    if (target == null) {
      return () -> new UnconfiguredSink(NAME);
    }
    return () -> OtlpSink.start(target, metrics);
  }
}
