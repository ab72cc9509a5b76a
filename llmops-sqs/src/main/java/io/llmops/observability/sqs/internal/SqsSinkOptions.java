package io.llmops.observability.sqs.internal;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.internal.config.Settings;
import io.llmops.observability.sqs.SqsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everything the SQS sink needs, resolved and validated once. Internal, may change. */
public record SqsSinkOptions(
    String queueUrl,
    boolean fifo,
    String region,
    URI endpoint,
    String profile,
    boolean localEndpoint,
    int workerCount,
    int batchSize,
    Duration batchTimeout,
    Duration flushThreshold,
    Duration shutdownTimeout,
    int retryAttempts,
    Duration retryDelay,
    double backoffMultiplier,
    Duration retryMaxDelay,
    Duration immediateMaxBlock,
    Duration requestTimeout,
    int maxPendingMessages,
    long maxPendingBytes,
    Path spillDir,
    long spillMaxBytes,
    FsyncPolicy fsync,
    Duration replayInterval,
    DeliveryMode delivery) {

  /** SQS's limit for one message and for one SendMessageBatch request. */
  public static final int MAX_REQUEST_BYTES = 1_048_576;

  private static final Pattern AWS_HOST =
      Pattern.compile("^sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  public static SqsSinkOptions from(LlmopsConfig config) {
    String url = config.sqsUrl().orElseThrow(
        () -> new IllegalArgumentException("the sqs sink needs AWS_SQS_URL"));
    URI queue = URI.create(url);
    String host = queue.getHost() == null ? "" : queue.getHost().toLowerCase(Locale.ROOT);
    Matcher aws = AWS_HOST.matcher(host);

    String region = config.raw("AWS_REGION").filter(s -> !s.isBlank())
        .orElse(aws.matches() ? aws.group(1) : config.get(Settings.AWS_REGION));
    Optional<String> override = config.raw("AWS_ENDPOINT_URL_SQS").filter(s -> !s.isBlank())
        .or(() -> config.raw("AWS_ENDPOINT_URL").filter(s -> !s.isBlank()));
    URI endpoint;
    if (override.isPresent()) {
      endpoint = URI.create(override.get().trim());
    } else if (!host.endsWith(".amazonaws.com") && !host.endsWith(".amazonaws.com.cn")) {
      endpoint = URI.create(queue.getScheme() + "://" + queue.getRawAuthority());
    } else {
      endpoint = null;
    }
    String endpointHost = endpoint == null ? host : String.valueOf(endpoint.getHost());
    boolean local = endpointHost.equals("localhost") || endpointHost.startsWith("127.")
        || endpointHost.equals("[::1]") || endpointHost.equals("::1");

    return new SqsSinkOptions(
        url,
        queue.getPath() != null && queue.getPath().endsWith(".fifo"),
        region,
        endpoint,
        config.raw("AWS_PROFILE").filter(s -> !s.isBlank()).orElse(null),
        local,
        config.get(Settings.SQS_WORKER_COUNT),
        config.get(Settings.SQS_BATCH_SIZE),
        config.get(Settings.SQS_BATCH_TIMEOUT),
        config.get(Settings.SQS_FLUSH_TIME_THRESHOLD),
        config.get(Settings.SQS_SHUTDOWN_TIMEOUT),
        config.get(Settings.SQS_RETRY_ATTEMPTS),
        config.get(Settings.SQS_RETRY_DELAY),
        config.get(Settings.SQS_RETRY_BACKOFF_MULTIPLIER),
        config.get(Settings.SQS_RETRY_MAX_DELAY),
        config.get(Settings.SQS_IMMEDIATE_MAX_BLOCK),
        seconds(config, SqsSettings.REQUEST_TIMEOUT, 0.05, 300, Duration.ofSeconds(5)),
        (int) longValue(config, SqsSettings.MAX_PENDING_MESSAGES, 1, 10_000_000, 10_000),
        longValue(config, SqsSettings.MAX_PENDING_BYTES, 1_048_576, Long.MAX_VALUE, 32L << 20),
        Path.of(config.raw(SqsSettings.SPILLOVER_DIR).filter(s -> !s.isBlank())
            .orElse("llmops-spillover")).toAbsolutePath(),
        longValue(config, SqsSettings.SPILLOVER_MAX_BYTES, 65_536, Long.MAX_VALUE, 256L << 20),
        FsyncPolicy.parse(SqsSettings.SPILLOVER_FSYNC,
            config.raw(SqsSettings.SPILLOVER_FSYNC).orElse("always")),
        seconds(config, SqsSettings.SPILLOVER_REPLAY_INTERVAL, 0.01, 3_600, Duration.ofSeconds(2)),
        DeliveryMode.parse(SqsSettings.DELIVERY, config.raw(SqsSettings.DELIVERY)
            .filter(s -> !s.isBlank()).orElse("in-memory")));
  }

  private static long longValue(LlmopsConfig config, String name, long min, long max, long def) {
    Optional<String> raw = config.raw(name).map(String::trim).filter(s -> !s.isEmpty());
    if (raw.isEmpty()) {
      return def;
    }
    try {
      long value = Long.parseLong(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + "=" + raw.get() + " is invalid: expected an integer from "
        + min + " to " + max);
  }

  private static Duration seconds(LlmopsConfig config, String name, double min, double max, Duration def) {
    Optional<String> raw = config.raw(name).map(String::trim).filter(s -> !s.isEmpty());
    if (raw.isEmpty()) {
      return def;
    }
    try {
      double value = Double.parseDouble(raw.get());
      if (value >= min && value <= max) {
        return Duration.ofNanos((long) (value * 1e9));
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + "=" + raw.get() + " is invalid: expected seconds from "
        + min + " to " + max);
  }
}
