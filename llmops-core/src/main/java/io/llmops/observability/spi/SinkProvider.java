package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;

/**
 * Creates a sink by name; found with {@link java.util.ServiceLoader}, so adding a module such as
 * {@code llmops-sqs} to the class path makes its sink available to {@code LLMOPS_SINKS}.
 */
public interface SinkProvider {

  /** The name used in {@code LLMOPS_SINKS}. */
  String name();

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
