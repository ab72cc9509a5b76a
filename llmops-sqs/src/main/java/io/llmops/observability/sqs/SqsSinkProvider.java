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

/**
 * The sink named {@code sqs}. Used automatically when {@code AWS_SQS_URL} is set and
 * {@code LLMOPS_SINKS} is not; registered with {@link java.util.ServiceLoader}.
 *
 * <p>Stateless and thread-safe. Only {@code create} throws, as it says; the sink it creates never
 * throws.
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
    return SqsSink.start(SqsSinkOptions.from(config), metrics);
  }
}
