package io.llmops.observability.internal.config;

import static io.llmops.observability.internal.config.Parsers.bool;
import static io.llmops.observability.internal.config.Parsers.doubleAtLeast;
import static io.llmops.observability.internal.config.Parsers.httpUrl;
import static io.llmops.observability.internal.config.Parsers.intRange;
import static io.llmops.observability.internal.config.Parsers.millis;
import static io.llmops.observability.internal.config.Parsers.nameList;
import static io.llmops.observability.internal.config.Parsers.nonBlank;
import static io.llmops.observability.internal.config.Parsers.seconds;

import java.time.Duration;
import java.util.List;

/**
 * Every configuration variable the SDK reads, in one place. Names and defaults follow the
 * specification; docs/CONFIGURATION.md documents each. Internal, may change.
 */
public final class Settings {

  private Settings() {}

  private static <T> Setting<T> of(
      List<String> names, java.util.function.Function<String, T> parser, String expectation, T def) {
    return new Setting<>(names, parser, expectation, def);
  }

  public static final Setting<Boolean> ENABLED =
      of(List.of("LLMOPS_ENABLED"), bool(), "true or false", true);
  public static final Setting<String> PROJECT_ID =
      of(List.of("LLMOPS_PROJECT_ID", "PROJECT_ID"), nonBlank(), "a non-empty name", "unknown_project");
  public static final Setting<String> ENVIRONMENT =
      of(List.of("LLMOPS_ENV", "ENV"), nonBlank(), "a non-empty name", "development");
  public static final Setting<String> MODEL_ID =
      of(List.of("MODEL_ID"), nonBlank(), "a model id", "anthropic.claude-3-5-sonnet-20241022-v2:0");

  public static final Setting<String> AWS_SQS_URL =
      of(List.of("AWS_SQS_URL"), httpUrl(), "an http(s) queue URL", null);
  public static final Setting<String> AWS_PROFILE =
      of(List.of("AWS_PROFILE"), nonBlank(), "a profile name", "default");
  public static final Setting<String> AWS_REGION =
      of(List.of("AWS_REGION"), nonBlank(), "a region name", "us-east-1");

  public static final Setting<String> LANGFUSE_PUBLIC_KEY =
      of(List.of("LANGFUSE_PUBLIC_KEY"), nonBlank(), "a key", null);
  public static final Setting<String> LANGFUSE_SECRET_KEY =
      of(List.of("LANGFUSE_SECRET_KEY"), nonBlank(), "a key", null);
  public static final Setting<String> LANGFUSE_BASE_URL =
      of(List.of("LANGFUSE_BASE_URL"), httpUrl(), "an http(s) URL", null);
  public static final Setting<Boolean> LANGFUSE_VERIFY_SSL =
      of(List.of("LANGFUSE_VERIFY_SSL"), bool(), "true or false", false);
  public static final Setting<Boolean> LANGFUSE_DEBUG =
      of(List.of("LANGFUSE_DEBUG"), bool(), "true or false", false);

  public static final Setting<Integer> SQS_WORKER_COUNT =
      of(List.of("LLMOPS_SQS_WORKER_COUNT"), intRange(1, 64), "an integer from 1 to 64", 4);
  public static final Setting<Integer> SQS_BATCH_SIZE =
      of(List.of("LLMOPS_SQS_BATCH_SIZE"), intRange(1, 10), "an integer from 1 to 10", 10);
  public static final Setting<Duration> SQS_BATCH_TIMEOUT =
      of(List.of("LLMOPS_SQS_BATCH_TIMEOUT"), seconds(0.001, 60), "seconds from 0.001 to 60",
          Duration.ofMillis(200));
  public static final Setting<Duration> SQS_FLUSH_TIME_THRESHOLD =
      of(List.of("LLMOPS_SQS_FLUSH_TIME_THRESHOLD"), seconds(0.001, 60), "seconds from 0.001 to 60",
          Duration.ofMillis(150));
  public static final Setting<Duration> SQS_SHUTDOWN_TIMEOUT =
      of(List.of("LLMOPS_SQS_SHUTDOWN_TIMEOUT"), seconds(0, 600), "seconds from 0 to 600",
          Duration.ofSeconds(1));
  public static final Setting<Integer> SQS_RETRY_ATTEMPTS =
      of(List.of("LLMOPS_SQS_RETRY_ATTEMPTS"), intRange(0, 20), "an integer from 0 to 20", 3);
  public static final Setting<Duration> SQS_RETRY_DELAY =
      of(List.of("LLMOPS_SQS_RETRY_DELAY"), seconds(0, 60), "seconds from 0 to 60",
          Duration.ofMillis(100));
  public static final Setting<Double> SQS_RETRY_BACKOFF_MULTIPLIER =
      of(List.of("LLMOPS_SQS_RETRY_BACKOFF_MULTIPLIER"), doubleAtLeast(1.0), "a number >= 1.0", 2.0);
  public static final Setting<Duration> SQS_RETRY_MAX_DELAY =
      of(List.of("LLMOPS_SQS_RETRY_MAX_DELAY"), seconds(0, 600), "seconds from 0 to 600",
          Duration.ofMillis(500));
  public static final Setting<Duration> SQS_IMMEDIATE_MAX_BLOCK =
      of(List.of("LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS"), millis(0, 60_000),
          "milliseconds from 0 to 60000", Duration.ofMillis(250));

  public static final Setting<List<String>> SINKS =
      of(List.of("LLMOPS_SINKS"), nameList(), "comma-separated sink names", List.of());
  public static final Setting<String> FILE_SINK_DIR =
      of(List.of("LLMOPS_FILE_SINK_DIR"), nonBlank(), "a directory", "llmops-traces");
  public static final Setting<Integer> MAX_MESSAGE_BYTES =
      of(List.of("LLMOPS_MAX_MESSAGE_BYTES"), intRange(4_096, 1_048_576),
          "an integer from 4096 to 1048576", 200_000);
  public static final Setting<Integer> MAX_TRACE_IO_BYTES =
      of(List.of("LLMOPS_MAX_TRACE_IO_BYTES"), intRange(256, 1_048_576),
          "an integer from 256 to 1048576", 50_000);
  public static final Setting<Integer> MAX_SPAN_IO_BYTES =
      of(List.of("LLMOPS_MAX_SPAN_IO_BYTES"), intRange(256, 1_048_576),
          "an integer from 256 to 1048576", 20_000);
  public static final Setting<Integer> MAX_PROMPT_RESPONSE_BYTES =
      of(List.of("LLMOPS_MAX_PROMPT_RESPONSE_BYTES"), intRange(256, 1_048_576),
          "an integer from 256 to 1048576", 10_000);
  public static final Setting<Integer> EXPORT_QUEUE_CAPACITY =
      of(List.of("LLMOPS_EXPORT_QUEUE_CAPACITY"), intRange(1, 1_000_000),
          "an integer from 1 to 1000000", 2_048);
  public static final Setting<Integer> EXPORT_QUEUE_MAX_BYTES =
      of(List.of("LLMOPS_EXPORT_QUEUE_MAX_BYTES"), intRange(1_048_576, Integer.MAX_VALUE),
          "an integer from 1048576 to 2147483647", 256 << 20);
  public static final Setting<Duration> EXPORT_TIMEOUT =
      of(List.of("LLMOPS_EXPORT_TIMEOUT"), seconds(0.001, 600), "seconds from 0.001 to 600",
          Duration.ofSeconds(10));
  public static final Setting<Integer> MAX_SPANS_PER_TRACE =
      of(List.of("LLMOPS_MAX_SPANS_PER_TRACE"), intRange(1, 1_000_000),
          "an integer from 1 to 1000000", 10_000);
  public static final Setting<List<String>> REDACT_KEYS =
      of(List.of("LLMOPS_REDACT_KEYS"), nameList(), "comma-separated key names", List.of());
  public static final Setting<String> PRICING_FILE =
      of(List.of("LLMOPS_PRICING_FILE"),
          io.llmops.observability.internal.pricing.PriceTable::validateFile,
          "a readable JSON price file with a \"models\" array (docs/LLM.md)", null);
  public static final Setting<Boolean> AUTO_TRACE =
      of(List.of("LLMOPS_AUTO_TRACE"), bool(), "true or false", true);
  public static final Setting<Duration> FINALIZE_GRACE =
      of(List.of("LLMOPS_FINALIZE_GRACE"), seconds(0, 3_600), "seconds from 0 to 3600",
          Duration.ofSeconds(5));
  public static final Setting<Duration> SHUTDOWN_TIMEOUT =
      of(List.of("LLMOPS_SHUTDOWN_TIMEOUT"), seconds(0, 600), "seconds from 0 to 600",
          Duration.ofSeconds(5));

  /** Every setting, so that configuration is validated as a whole at build time. */
  public static final List<Setting<?>> ALL =
      List.of(
          ENABLED, PROJECT_ID, ENVIRONMENT, MODEL_ID, AWS_SQS_URL, AWS_PROFILE, AWS_REGION,
          LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL, LANGFUSE_VERIFY_SSL,
          LANGFUSE_DEBUG, SQS_WORKER_COUNT, SQS_BATCH_SIZE, SQS_BATCH_TIMEOUT,
          SQS_FLUSH_TIME_THRESHOLD, SQS_SHUTDOWN_TIMEOUT, SQS_RETRY_ATTEMPTS, SQS_RETRY_DELAY,
          SQS_RETRY_BACKOFF_MULTIPLIER, SQS_RETRY_MAX_DELAY, SQS_IMMEDIATE_MAX_BLOCK, SINKS,
          FILE_SINK_DIR, MAX_MESSAGE_BYTES, MAX_TRACE_IO_BYTES, MAX_SPAN_IO_BYTES,
          MAX_PROMPT_RESPONSE_BYTES, EXPORT_QUEUE_CAPACITY, EXPORT_QUEUE_MAX_BYTES, EXPORT_TIMEOUT, MAX_SPANS_PER_TRACE, REDACT_KEYS,
          PRICING_FILE, AUTO_TRACE,
          FINALIZE_GRACE, SHUTDOWN_TIMEOUT);
}
