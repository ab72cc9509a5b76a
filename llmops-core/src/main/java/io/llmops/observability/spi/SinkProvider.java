package io.llmops.observability.spi;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import java.util.List;
import java.util.function.Supplier;

/**
 * Creates a sink by name; found with {@link java.util.ServiceLoader}, so adding a module such as
 * {@code llmops-sqs} to the class path makes its sink available to {@code LLMOPS_SINKS}.
 *
 * <p>Called on the thread that configures the SDK ({@code Llmops.configure}, or the first use of
 * the API), which is often an application's first request: a provider whose sink is costly to
 * build (threads, files, clients) validates its settings there and builds the sink on the sink's
 * own thread ({@link #prepare}). Implementations keep no state between calls and must be
 * thread-safe.
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

  /**
   * Prepares the sink in two steps, which is how the SDK creates it: this method runs on the
   * thread that configures the SDK and only validates (it throws as
   * {@link #create(LlmopsConfig)}); the supplier it returns builds the sink, and the SDK calls it
   * once, on the sink's own thread, as soon as the export pipeline starts and before any call of
   * the sink (exports wait for it within {@code LLMOPS_EXPORT_TIMEOUT}). A supplier that throws
   * or returns null leaves the pipeline without the sink: the error is logged and counted, and
   * every export to it fails ({@code export_failed.<name>}). The sink it builds bears
   * {@link #name()}.
   *
   * <p>The default creates the sink here with {@link #create(LlmopsConfig, SinkMetrics)}, on the
   * configuring thread; override it when building the sink costs more than validating settings.
   *
   * @throws IllegalArgumentException as {@link #create(LlmopsConfig)}
   */
  default Supplier<TraceSink> prepare(LlmopsConfig config, SinkMetrics metrics) {
    TraceSink sink = create(config, metrics);
    return () -> sink;
  }
}
