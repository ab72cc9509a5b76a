package io.llmops.observability.testing;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.SettingKey;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SinkProvider;
import java.time.Duration;
import java.util.List;

/**
 * A sink module that declares its settings as llmops-sqs does (these are the same variables), so
 * the core's tests can show that a module's settings are read and validated like the core's own.
 * Never enabled by default; creating its sink is not supported.
 */
public final class ModuleSettingsProvider implements SinkProvider {

  public static final SettingKey<String> AWS_SQS_URL =
      SettingKey.httpUrl("AWS_SQS_URL", "an http(s) queue URL", null);
  public static final SettingKey<String> AWS_PROFILE =
      SettingKey.text("AWS_PROFILE", "a profile name", "default");
  public static final SettingKey<String> AWS_REGION =
      SettingKey.text("AWS_REGION", "a region name", "us-east-1");
  public static final SettingKey<String> LANGFUSE_PUBLIC_KEY =
      SettingKey.text("LANGFUSE_PUBLIC_KEY", "a key", null);
  public static final SettingKey<String> LANGFUSE_BASE_URL =
      SettingKey.httpUrl("LANGFUSE_BASE_URL", "an http(s) URL", null);
  public static final SettingKey<Boolean> LANGFUSE_DEBUG = SettingKey.bool("LANGFUSE_DEBUG", false);
  public static final SettingKey<Integer> SQS_WORKER_COUNT =
      SettingKey.integer("LLMOPS_SQS_WORKER_COUNT", 1, 64, 4);
  public static final SettingKey<Integer> SQS_BATCH_SIZE =
      SettingKey.integer("LLMOPS_SQS_BATCH_SIZE", 1, 10, 10);
  public static final SettingKey<Duration> SQS_BATCH_TIMEOUT =
      SettingKey.seconds("LLMOPS_SQS_BATCH_TIMEOUT", 0.001, 60, Duration.ofMillis(200));
  public static final SettingKey<Duration> SQS_SHUTDOWN_TIMEOUT =
      SettingKey.seconds("LLMOPS_SQS_SHUTDOWN_TIMEOUT", 0, 600, Duration.ofSeconds(1));
  public static final SettingKey<Integer> SQS_RETRY_ATTEMPTS =
      SettingKey.integer("LLMOPS_SQS_RETRY_ATTEMPTS", 0, 20, 3);
  public static final SettingKey<Duration> SQS_RETRY_DELAY =
      SettingKey.seconds("LLMOPS_SQS_RETRY_DELAY", 0, 60, Duration.ofMillis(100));
  public static final SettingKey<Double> SQS_RETRY_BACKOFF_MULTIPLIER =
      SettingKey.decimal("LLMOPS_SQS_RETRY_BACKOFF_MULTIPLIER", 1.0, 2.0);
  public static final SettingKey<Duration> SQS_RETRY_MAX_DELAY =
      SettingKey.seconds("LLMOPS_SQS_RETRY_MAX_DELAY", 0, 600, Duration.ofMillis(500));
  public static final SettingKey<Duration> SQS_IMMEDIATE_MAX_BLOCK =
      SettingKey.millis("LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS", 0, 60_000, Duration.ofMillis(250));

  public static final List<SettingKey<?>> ALL = List.of(AWS_SQS_URL, AWS_PROFILE, AWS_REGION,
      LANGFUSE_PUBLIC_KEY, LANGFUSE_BASE_URL, LANGFUSE_DEBUG, SQS_WORKER_COUNT, SQS_BATCH_SIZE,
      SQS_BATCH_TIMEOUT, SQS_SHUTDOWN_TIMEOUT, SQS_RETRY_ATTEMPTS, SQS_RETRY_DELAY,
      SQS_RETRY_BACKOFF_MULTIPLIER, SQS_RETRY_MAX_DELAY, SQS_IMMEDIATE_MAX_BLOCK);

  @Override
  public String name() {
    return "module-settings";
  }

  @Override
  public List<SettingKey<?>> settings() {
    return ALL;
  }

  @Override
  public TraceSink create(LlmopsConfig config) {
    throw new UnsupportedOperationException("declares settings only");
  }
}
