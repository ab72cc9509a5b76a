package io.llmops.observability.processor.service;

import io.llmops.observability.processor.sink.ProcessorSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The processor's settings, read from system properties (the variable's name or its dotted
 * lower-case form, {@code -Dllmops.processor.consumers=4}) and then the environment. A
 * {@code LLMOPS_PROCESSOR_*} name that is not one of these, or a value out of range, fails with
 * an {@link IllegalArgumentException} naming the setting (never echoing the value).
 *
 * @param queueUrl {@code AWS_SQS_URL}; null: the embedded queue (an SQS server in this JVM)
 * @param region {@code AWS_REGION}; null: the AWS SDK's own lookup
 * @param consumers {@code LLMOPS_PROCESSOR_CONSUMERS}, 1-100, default 2
 * @param visibilityTimeout {@code LLMOPS_PROCESSOR_VISIBILITY_SECONDS}, default 60; the heartbeat
 *     renews it every third of it
 * @param retryDelay {@code LLMOPS_PROCESSOR_RETRY_DELAY_SECONDS}, 0-900, default 0 (a retry comes
 *     back after the visibility timeout)
 * @param sweepInterval {@code LLMOPS_PROCESSOR_SWEEP_SECONDS}, default 60
 * @param shutdownDeadline {@code LLMOPS_PROCESSOR_SHUTDOWN_SECONDS}, default 30
 * @param healthHost {@code LLMOPS_PROCESSOR_HEALTH_HOST}, default 127.0.0.1
 * @param healthPort {@code LLMOPS_PROCESSOR_HEALTH_PORT}, 0-65535 (0: any free port), default 8087
 * @param dataDir {@code LLMOPS_PROCESSOR_DIR}: the local folder standing in for S3 (traces and
 *     dead letters), default {@code <java.io.tmpdir>/llmops-processor}
 * @param bucket {@code LLMOPS_PROCESSOR_BUCKET}: the S3 bucket for staged segments, claims and the
 *     archive; null: the local folder
 * @param sinkSettings every setting of the process (environment, then system properties over
 *     it), for the sinks: {@code LLMOPS_PROCESSOR_SINKS} and the rest of {@link ProcessorSinks},
 *     the OTLP and Langfuse endpoints and keys
 */
public record ProcessorSettings(
    @Nullable String queueUrl,
    @Nullable String region,
    int consumers,
    Duration visibilityTimeout,
    Duration retryDelay,
    Duration sweepInterval,
    Duration shutdownDeadline,
    String healthHost,
    int healthPort,
    Path dataDir,
    @Nullable String bucket,
    Map<String, String> sinkSettings) {

  public static final String QUEUE_URL = "AWS_SQS_URL";
  public static final String REGION = "AWS_REGION";
  public static final String CONSUMERS = "LLMOPS_PROCESSOR_CONSUMERS";
  public static final String VISIBILITY_SECONDS = "LLMOPS_PROCESSOR_VISIBILITY_SECONDS";
  public static final String RETRY_DELAY_SECONDS = "LLMOPS_PROCESSOR_RETRY_DELAY_SECONDS";
  public static final String SWEEP_SECONDS = "LLMOPS_PROCESSOR_SWEEP_SECONDS";
  public static final String SHUTDOWN_SECONDS = "LLMOPS_PROCESSOR_SHUTDOWN_SECONDS";
  public static final String HEALTH_HOST = "LLMOPS_PROCESSOR_HEALTH_HOST";
  public static final String HEALTH_PORT = "LLMOPS_PROCESSOR_HEALTH_PORT";
  public static final String DIR = "LLMOPS_PROCESSOR_DIR";
  public static final String BUCKET = "LLMOPS_PROCESSOR_BUCKET";

  /** A prefix, not a variable: written in two parts, as KnownVariablesTest reads quoted names. */
  private static final String PREFIX = "LLMOPS_" + "PROCESSOR_";
  private static final List<String> NAMES = List.of(QUEUE_URL, REGION, CONSUMERS,
      VISIBILITY_SECONDS, RETRY_DELAY_SECONDS, SWEEP_SECONDS, SHUTDOWN_SECONDS, HEALTH_HOST,
      HEALTH_PORT, DIR, BUCKET, ProcessorSinks.SINKS, ProcessorSinks.ARCHIVE_FOLDER,
      ProcessorSinks.ATTEMPTS, ProcessorSinks.BACKOFF, ProcessorSinks.DEADLINE);

  /** The settings of this process: system properties, then the environment. */
  public static ProcessorSettings fromProcess() {
    return from(System.getenv(), System.getProperties());
  }

  /**
   * The settings {@code environment} and {@code properties} give (a property beats the
   * environment).
   *
   * @throws IllegalArgumentException naming an unknown {@code LLMOPS_PROCESSOR_*} setting or one
   *     whose value is out of range
   */
  public static ProcessorSettings from(Map<String, String> environment, Properties properties) {
    Map<String, String> values = new LinkedHashMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    environment.forEach((name, value) -> take(name, value, values, unknown));
    properties.stringPropertyNames().forEach(name -> {
      String canonical = name.contains(".") ? name.toUpperCase(Locale.ROOT).replace('.', '_') : name;
      if (canonical.startsWith(PREFIX) || NAMES.contains(canonical)) {
        take(canonical, properties.getProperty(name), values, unknown);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown setting(s) " + String.join(", ", unknown)
          + "; the processor reads " + String.join(", ", NAMES));
    }
    Duration visibility = seconds(values, VISIBILITY_SECONDS, 60, 3, 43_200);
    return new ProcessorSettings(
        text(values, QUEUE_URL),
        text(values, REGION),
        (int) number(values, CONSUMERS, 2, 1, 100),
        visibility,
        seconds(values, RETRY_DELAY_SECONDS, 0, 0, 900),
        seconds(values, SWEEP_SECONDS, 60, 1, 86_400),
        seconds(values, SHUTDOWN_SECONDS, 30, 0, 3_600),
        Objects.requireNonNullElse(text(values, HEALTH_HOST), "127.0.0.1"),
        (int) number(values, HEALTH_PORT, 8087, 0, 65_535),
        text(values, DIR) != null ? Path.of(text(values, DIR))
            : Path.of(System.getProperty("java.io.tmpdir"), "llmops-processor"),
        text(values, BUCKET),
        sinkSettings(environment, properties));
  }

  private static Map<String, String> sinkSettings(Map<String, String> environment,
      Properties properties) {
    Map<String, String> all = new LinkedHashMap<>(environment);
    properties.stringPropertyNames().forEach(name -> all.put(name, properties.getProperty(name)));
    return Map.copyOf(all);
  }

  /** The consumer options these settings give for {@code queueUrl}: 20 s long polls of 10. */
  public ConsumerOptions consumerOptions(String queueUrl) {
    return new ConsumerOptions(queueUrl, consumers, Duration.ofSeconds(20), 10, visibilityTimeout,
        visibilityTimeout.dividedBy(3), retryDelay, sweepInterval, shutdownDeadline);
  }

  private static void take(String name, String value, Map<String, String> values,
      TreeSet<String> unknown) {
    if (NAMES.contains(name)) {
      values.put(name, value);
    } else if (name.startsWith(PREFIX)) {
      unknown.add(name);
    }
  }

  private static @Nullable String text(Map<String, String> values, String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static long number(Map<String, String> values, String name, long fallback, long min,
      long max) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, without the value
    }
    throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
  }

  private static Duration seconds(Map<String, String> values, String name, long fallback, long min,
      long max) {
    return Duration.ofSeconds(number(values, name, fallback, min, max));
  }
}
