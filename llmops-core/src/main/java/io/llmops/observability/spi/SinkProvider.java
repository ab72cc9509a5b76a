package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;
import java.util.List;

/**
 * Creates a sink by name; found with {@link java.util.ServiceLoader}, so adding a module such as
 * {@code llmops-sqs} to the class path makes its sink available to {@code LLMOPS_SINKS}.
 */
public interface SinkProvider {

  /** The name used in {@code LLMOPS_SINKS}. */
  String name();

  /**
   * The configuration variables this sink reads. They are validated with the core's own when a
   * configuration is built (a bad value fails {@code LlmopsConfig.Builder.build()} naming the
   * variable), and read with {@code config.get(key)}.
   */
  default List<SettingKey<?>> settings() {
    return List.of();
  }

  /**
   * Whether this sink should be used when {@code LLMOPS_SINKS} is not set (for example, the SQS
   * sink when {@code AWS_SQS_URL} is set).
   */
  default boolean enabledByDefault(LlmopsConfig config) {
    return false;
  }

  TraceSink create(LlmopsConfig config);

  /**
   * Creates the sink with access to the SDK's counters, so that what it counts appears in
   * {@code Llmops.stats()}. The SDK calls this one; the default ignores {@code metrics}.
   */
  default TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return create(config);
  }
}
