package io.llmops.observability;

import java.time.Duration;
import java.util.List;

/**
 * Every configuration variable the core reads, as typed keys: read one with
 * {@code Llmops.config().get(LlmopsSettings.MAX_SPAN_IO_BYTES)}. Names, ranges and defaults
 * follow the specification; docs/CONFIGURATION.md documents each. Modules declare their own keys
 * ({@code SinkProvider.settings()}, for example {@code SqsSettings}).
 */
public final class LlmopsSettings {

  private LlmopsSettings() {}

  public static final SettingKey<Boolean> ENABLED = SettingKey.bool("LLMOPS_ENABLED", true);
  public static final SettingKey<String> PROJECT_ID =
      SettingKey.text("LLMOPS_PROJECT_ID", "a non-empty name", "unknown_project")
          .withAliases("PROJECT_ID");
  public static final SettingKey<String> ENVIRONMENT =
      SettingKey.text("LLMOPS_ENV", "a non-empty name", "development").withAliases("ENV");
  public static final SettingKey<String> MODEL_ID =
      SettingKey.text("MODEL_ID", "a model id", "anthropic.claude-3-5-sonnet-20241022-v2:0");

  public static final SettingKey<List<String>> SINKS =
      SettingKey.nameList("LLMOPS_SINKS", "comma-separated sink names");
  public static final SettingKey<String> FILE_SINK_DIR =
      SettingKey.text("LLMOPS_FILE_SINK_DIR", "a directory", "llmops-traces");
  public static final SettingKey<Integer> MAX_MESSAGE_BYTES =
      SettingKey.integer("LLMOPS_MAX_MESSAGE_BYTES", 4_096, 1_048_576, 200_000);
  public static final SettingKey<Integer> MAX_TRACE_IO_BYTES =
      SettingKey.integer("LLMOPS_MAX_TRACE_IO_BYTES", 256, 1_048_576, 50_000);
  public static final SettingKey<Integer> MAX_SPAN_IO_BYTES =
      SettingKey.integer("LLMOPS_MAX_SPAN_IO_BYTES", 256, 1_048_576, 20_000);
  public static final SettingKey<Integer> MAX_PROMPT_RESPONSE_BYTES =
      SettingKey.integer("LLMOPS_MAX_PROMPT_RESPONSE_BYTES", 256, 1_048_576, 10_000);
  public static final SettingKey<Integer> EXPORT_QUEUE_CAPACITY =
      SettingKey.integer("LLMOPS_EXPORT_QUEUE_CAPACITY", 1, 1_000_000, 2_048);
  public static final SettingKey<Integer> EXPORT_QUEUE_MAX_BYTES =
      SettingKey.integer("LLMOPS_EXPORT_QUEUE_MAX_BYTES", 1_048_576, Integer.MAX_VALUE, 256 << 20);
  public static final SettingKey<Duration> EXPORT_TIMEOUT =
      SettingKey.seconds("LLMOPS_EXPORT_TIMEOUT", 0.001, 600, Duration.ofSeconds(10));
  public static final SettingKey<Integer> MAX_SPANS_PER_TRACE =
      SettingKey.integer("LLMOPS_MAX_SPANS_PER_TRACE", 1, 1_000_000, 10_000);
  public static final SettingKey<List<String>> REDACT_KEYS =
      SettingKey.nameList("LLMOPS_REDACT_KEYS", "comma-separated key names");
  public static final SettingKey<String> PRICING_FILE =
      SettingKey.of("LLMOPS_PRICING_FILE", path -> Engine.get().validatePriceFile(path),
          "a readable JSON price file with a \"models\" array (docs/LLM.md)", null);
  public static final SettingKey<Boolean> AUTO_TRACE = SettingKey.bool("LLMOPS_AUTO_TRACE", true);
  public static final SettingKey<Duration> FINALIZE_GRACE =
      SettingKey.seconds("LLMOPS_FINALIZE_GRACE", 0, 3_600, Duration.ofSeconds(5));
  public static final SettingKey<Duration> SHUTDOWN_TIMEOUT =
      SettingKey.seconds("LLMOPS_SHUTDOWN_TIMEOUT", 0, 600, Duration.ofSeconds(5));

  /** Every setting of the core, so that configuration is validated as a whole at build time. */
  public static final List<SettingKey<?>> ALL =
      List.of(
          ENABLED, PROJECT_ID, ENVIRONMENT, MODEL_ID, SINKS, FILE_SINK_DIR, MAX_MESSAGE_BYTES,
          MAX_TRACE_IO_BYTES, MAX_SPAN_IO_BYTES, MAX_PROMPT_RESPONSE_BYTES, EXPORT_QUEUE_CAPACITY,
          EXPORT_QUEUE_MAX_BYTES, EXPORT_TIMEOUT, MAX_SPANS_PER_TRACE, REDACT_KEYS, PRICING_FILE,
          AUTO_TRACE, FINALIZE_GRACE, SHUTDOWN_TIMEOUT);
}
