package io.llmops.observability.sqs;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;
import io.llmops.observability.sqs.internal.SqsKeys;
import io.llmops.observability.sqs.internal.SqsSink;
import io.llmops.observability.sqs.internal.SqsSinkOptions;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sink named {@code sqs}. Used automatically when {@code AWS_SQS_URL} is set and
 * {@code LLMOPS_SINKS} is not; registered with {@link java.util.ServiceLoader}.
 *
 * <p>The SDK {@linkplain #prepare prepares} the sink: the thread that configures the SDK only
 * resolves and validates the settings; the sink (its threads, journal and queues) is built on its
 * own lane thread as soon as the export pipeline starts, and its AWS client by the first of its
 * threads that sends.
 *
 * <p>Stateless and thread-safe. Only {@code create} and {@code prepare} throw, as they say; the
 * sink never throws.
 */
public final class SqsSinkProvider implements SinkProvider {

  public static final String NAME = "sqs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SettingKey<?>> settings() {
    return SqsKeys.ALL;
  }

  @Override
  public boolean enabledByDefault(LlmopsConfig config) {
    return config.get(SqsKeys.QUEUE_URL) != null;
  }

  /**
   * Creates the sink with counters of its own, which do not reach {@code Llmops.stats()}.
   *
   * @throws IllegalArgumentException as {@link #create(LlmopsConfig, SinkMetrics)}
   */
  @Override
  public TraceSink create(LlmopsConfig config) {
    return create(config, SinkMetrics.detached());
  }

  /**
   * @throws IllegalArgumentException when {@code AWS_SQS_URL} is missing or a setting of this
   *     module has an invalid value (the message names the variable)
   */
  @Override
  public TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return prepare(config, metrics).get();
  }

  /**
   * Validates the settings now; the supplier builds and starts the sink.
   *
   * @throws IllegalArgumentException as {@link #create(LlmopsConfig, SinkMetrics)}
   */
  @Override
  public Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    SqsSinkOptions options = SqsSinkOptions.from(config);
    return () -> SqsSink.start(options, metrics);
  }
}
