package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import java.util.List;

/**
 * Creates a sink by name; found with {@link java.util.ServiceLoader}, so adding a module such as
 * {@code llmops-sqs} to the class path makes its sink available to {@code LLMOPS_SINKS}.
 *
 * <p>Called on the thread that configures the SDK ({@code Llmops.configure}, or the first use of
 * the API); implementations keep no state between calls and must be thread-safe.
 */
public interface SinkProvider {

  /** The name used in {@code LLMOPS_SINKS}; never null, stable. Never throws. */
  String name();

  /**
   * The configuration variables this sink reads. They are validated with the core's own when a
   * configuration is built (a bad value fails {@code LlmopsConfig.Builder.build()} naming the
   * variable), and read with {@code config.get(key)}. Never null (empty by default); must not
   * throw.
   */
  default List<SettingKey<?>> settings() {
    return List.of();
  }

  /**
   * Whether this sink should be used when {@code LLMOPS_SINKS} is not set (for example, the SQS
   * sink when {@code AWS_SQS_URL} is set). Never throws.
   */
  default boolean enabledByDefault(LlmopsConfig config) {
    return false;
  }

  /**
   * Creates the sink for {@code config}; never returns null.
   *
   * @throws IllegalArgumentException when a setting the sink needs is missing or invalid (the
   *     message names the variable, never its value); {@code Llmops.configure} then fails and
   *     the running configuration stays (on the SDK's first use, tracing is disabled instead)
   */
  TraceSink create(LlmopsConfig config);

  /**
   * Creates the sink with access to the SDK's counters, so that what it counts appears in
   * {@code Llmops.stats()}. The SDK calls this one; the default ignores {@code metrics}.
   *
   * @throws IllegalArgumentException as {@link #create(LlmopsConfig)}
   */
  default TraceSink create(LlmopsConfig config, SinkMetrics metrics) {
    return create(config);
  }
}
