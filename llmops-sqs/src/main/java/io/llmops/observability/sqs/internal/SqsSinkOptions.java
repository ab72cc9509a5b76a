package io.llmops.observability.sqs.internal;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.sqs.SqsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the SQS sink needs, resolved and validated once, on the thread that configures the
 * SDK (often an application's first request): hence plain string checks, no regular expressions
 * or lambdas to load there. Internal, may change.
 */
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

  /** The region of a queue whose URL does not name one, when {@code AWS_REGION} is not set. */
  private static final String DEFAULT_REGION = "us-east-1";

  /**
   * @throws IllegalArgumentException when {@code AWS_SQS_URL} is not set, or (for a configuration
   *     built without this module on the class path) a variable of this module has a bad value
   */
  public static SqsSinkOptions from(LlmopsConfig config) {
    String url = config.get(SqsKeys.QUEUE_URL);
    if (url == null) {
      throw new IllegalArgumentException("the sqs sink needs " + SqsSettings.QUEUE_URL);
    }
    URI queue = URI.create(url);
    String host = queue.getHost() == null ? "" : queue.getHost().toLowerCase(Locale.ROOT);
    String region = config.get(SqsKeys.REGION);
    if (region == null) {
      String named = regionOfAwsHost(host);
      region = named != null ? named : DEFAULT_REGION;
    }
    String override = nonBlank(config.raw("AWS_ENDPOINT_URL_SQS"));
    if (override == null) {
      override = nonBlank(config.raw("AWS_ENDPOINT_URL"));
    }
    URI endpoint;
    if (override != null) {
      endpoint = URI.create(override.trim());
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
        config.get(SqsKeys.PROFILE),
        local,
        config.get(SqsKeys.WORKER_COUNT),
        config.get(SqsKeys.BATCH_SIZE),
        config.get(SqsKeys.BATCH_TIMEOUT),
        config.get(SqsKeys.FLUSH_TIME_THRESHOLD),
        config.get(SqsKeys.SHUTDOWN_TIMEOUT),
        config.get(SqsKeys.RETRY_ATTEMPTS),
        config.get(SqsKeys.RETRY_DELAY),
        config.get(SqsKeys.RETRY_BACKOFF_MULTIPLIER),
        config.get(SqsKeys.RETRY_MAX_DELAY),
        config.get(SqsKeys.IMMEDIATE_MAX_BLOCK),
        config.get(SqsKeys.REQUEST_TIMEOUT),
        config.get(SqsKeys.MAX_PENDING_MESSAGES),
        config.get(SqsKeys.MAX_PENDING_BYTES),
        Path.of(config.get(SqsKeys.SPILLOVER_DIR)).toAbsolutePath(),
        config.get(SqsKeys.SPILLOVER_MAX_BYTES),
        config.get(SqsKeys.SPILLOVER_FSYNC),
        config.get(SqsKeys.SPILLOVER_REPLAY_INTERVAL),
        config.get(SqsKeys.DELIVERY));
  }

  /** The region of an AWS queue host, {@code sqs.<region>.amazonaws.com[.cn]}; null for another. */
  static String regionOfAwsHost(String host) {
    String suffix = host.endsWith(".amazonaws.com.cn") ? ".amazonaws.com.cn" : ".amazonaws.com";
    String prefix = "sqs.";
    if (!host.startsWith(prefix) || !host.endsWith(suffix)
        || host.length() <= prefix.length() + suffix.length()) {
      return null;
    }
    String region = host.substring(prefix.length(), host.length() - suffix.length());
    for (int i = 0; i < region.length(); i++) {
      char c = region.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return null;
      }
    }
    return region;
  }

  private static String nonBlank(Optional<String> value) {
    return value.isPresent() && !value.get().isBlank() ? value.get() : null;
  }
}
