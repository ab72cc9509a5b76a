package io.llmops.observability.sqs.internal;

import io.llmops.observability.SettingKey;
import io.llmops.observability.sqs.SqsSettings;
import java.time.Duration;
import java.util.List;

/** The variables the SQS sink reads, parsed and checked by the core's configuration. Internal. */
public final class SqsKeys {

  private SqsKeys() {}

  public static final SettingKey<String> QUEUE_URL =
      SettingKey.httpUrl(SqsSettings.QUEUE_URL, "an http(s) queue URL", null);
  static final SettingKey<String> PROFILE =
      SettingKey.text(SqsSettings.PROFILE, "a profile name", null);
  static final SettingKey<String> REGION =
      SettingKey.text(SqsSettings.REGION, "a region name", null);
  static final SettingKey<Integer> WORKER_COUNT =
      SettingKey.integer(SqsSettings.WORKER_COUNT, 1, 64, 4);
  static final SettingKey<Integer> BATCH_SIZE = SettingKey.integer(SqsSettings.BATCH_SIZE, 1, 10, 10);
  static final SettingKey<Duration> BATCH_TIMEOUT =
      SettingKey.seconds(SqsSettings.BATCH_TIMEOUT, 0.001, 60, Duration.ofMillis(200));
  static final SettingKey<Duration> FLUSH_TIME_THRESHOLD =
      SettingKey.seconds(SqsSettings.FLUSH_TIME_THRESHOLD, 0.001, 60, Duration.ofMillis(150));
  static final SettingKey<Duration> SHUTDOWN_TIMEOUT =
      SettingKey.seconds(SqsSettings.SHUTDOWN_TIMEOUT, 0, 600, Duration.ofSeconds(1));
  static final SettingKey<Integer> RETRY_ATTEMPTS =
      SettingKey.integer(SqsSettings.RETRY_ATTEMPTS, 0, 20, 3);
  static final SettingKey<Duration> RETRY_DELAY =
      SettingKey.seconds(SqsSettings.RETRY_DELAY, 0, 60, Duration.ofMillis(100));
  static final SettingKey<Double> RETRY_BACKOFF_MULTIPLIER =
      SettingKey.decimal(SqsSettings.RETRY_BACKOFF_MULTIPLIER, 1.0, 2.0);
  static final SettingKey<Duration> RETRY_MAX_DELAY =
      SettingKey.seconds(SqsSettings.RETRY_MAX_DELAY, 0, 600, Duration.ofMillis(500));
  static final SettingKey<Duration> IMMEDIATE_MAX_BLOCK =
      SettingKey.millis(SqsSettings.IMMEDIATE_MAX_BLOCK, 0, 60_000, Duration.ofMillis(250));
  static final SettingKey<Duration> REQUEST_TIMEOUT =
      SettingKey.seconds(SqsSettings.REQUEST_TIMEOUT, 0.05, 300, Duration.ofSeconds(5));
  static final SettingKey<Integer> MAX_PENDING_MESSAGES =
      SettingKey.integer(SqsSettings.MAX_PENDING_MESSAGES, 1, 10_000_000, 10_000);
  static final SettingKey<Long> MAX_PENDING_BYTES =
      SettingKey.longInteger(SqsSettings.MAX_PENDING_BYTES, 1_048_576, Long.MAX_VALUE, 32L << 20);
  static final SettingKey<String> SPILLOVER_DIR =
      SettingKey.text(SqsSettings.SPILLOVER_DIR, "a directory", "llmops-spillover");
  static final SettingKey<Long> SPILLOVER_MAX_BYTES =
      SettingKey.longInteger(SqsSettings.SPILLOVER_MAX_BYTES, 65_536, Long.MAX_VALUE, 256L << 20);
  static final SettingKey<FsyncPolicy> SPILLOVER_FSYNC =
      SettingKey.choice(SqsSettings.SPILLOVER_FSYNC, FsyncPolicy.class, FsyncPolicy.ALWAYS);
  static final SettingKey<Duration> SPILLOVER_REPLAY_INTERVAL =
      SettingKey.seconds(SqsSettings.SPILLOVER_REPLAY_INTERVAL, 0.01, 3_600, Duration.ofSeconds(2));
  static final SettingKey<DeliveryMode> DELIVERY =
      SettingKey.choice(SqsSettings.DELIVERY, DeliveryMode.class, DeliveryMode.IN_MEMORY);

  /** Every variable, validated when a configuration is built with this module present. */
  public static final List<SettingKey<?>> ALL = List.of(QUEUE_URL, PROFILE, REGION, WORKER_COUNT,
      BATCH_SIZE, BATCH_TIMEOUT, FLUSH_TIME_THRESHOLD, SHUTDOWN_TIMEOUT, RETRY_ATTEMPTS,
      RETRY_DELAY, RETRY_BACKOFF_MULTIPLIER, RETRY_MAX_DELAY, IMMEDIATE_MAX_BLOCK, REQUEST_TIMEOUT,
      MAX_PENDING_MESSAGES, MAX_PENDING_BYTES, SPILLOVER_DIR, SPILLOVER_MAX_BYTES, SPILLOVER_FSYNC,
      SPILLOVER_REPLAY_INTERVAL, DELIVERY);
}
