package io.llmops.observability.otlp.internal;

import io.llmops.observability.SettingKey;
import io.llmops.observability.otlp.OtlpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The variables the two sinks read, parsed and checked by the core's configuration. Internal. */
public final class OtlpKeys {

  private OtlpKeys() {}

  static final SettingKey<String> ENDPOINT =
      SettingKey.httpUrl(OtlpSettings.OTLP_ENDPOINT, "an http(s) URL", null);
  static final SettingKey<String> TRACES_ENDPOINT =
      SettingKey.httpUrl(OtlpSettings.OTLP_TRACES_ENDPOINT, "an http(s) URL", null);
  static final SettingKey<Map<String, String>> HEADERS = SettingKey.of(OtlpSettings.OTLP_HEADERS,
      HeaderList::parse, "comma-separated key=value pairs", Map.of());
  public static final SettingKey<String> SERVICE_NAME =
      SettingKey.text(OtlpSettings.SERVICE_NAME, "a service name", null);

  static final SettingKey<String> LANGFUSE_PUBLIC_KEY = SettingKey.of(OtlpSettings.LANGFUSE_PUBLIC_KEY,
      raw -> raw.isEmpty() || raw.contains(":") ? null : raw, "a public key without ':'", null);
  static final SettingKey<String> LANGFUSE_SECRET_KEY =
      SettingKey.text(OtlpSettings.LANGFUSE_SECRET_KEY, "a secret key", null);
  static final SettingKey<String> LANGFUSE_BASE_URL =
      SettingKey.httpUrl(OtlpSettings.LANGFUSE_BASE_URL, "an http(s) URL", "https://cloud.langfuse.com")
          .withAliases("LANGFUSE_HOST");

  static final SettingKey<Duration> TIMEOUT =
      SettingKey.seconds(OtlpSettings.TIMEOUT, 0.01, 300, Duration.ofSeconds(10));
  static final SettingKey<Integer> RETRY_ATTEMPTS =
      SettingKey.integer(OtlpSettings.RETRY_ATTEMPTS, 1, 5, 5);
  static final SettingKey<Duration> RETRY_DELAY =
      SettingKey.seconds(OtlpSettings.RETRY_DELAY, 0.001, 60, Duration.ofSeconds(1));
  static final SettingKey<Long> MAX_BATCH_BYTES =
      SettingKey.longInteger(OtlpSettings.MAX_BATCH_BYTES, 65_536, 64L << 20, 4L << 20);

  private static final List<SettingKey<?>> DELIVERY =
      List.of(SERVICE_NAME, TIMEOUT, RETRY_ATTEMPTS, RETRY_DELAY, MAX_BATCH_BYTES);

  /** The {@code otlp} sink's variables. */
  public static final List<SettingKey<?>> OTLP = concat(List.of(ENDPOINT, TRACES_ENDPOINT, HEADERS));
  /** The {@code langfuse} sink's variables. */
  public static final List<SettingKey<?>> LANGFUSE =
      concat(List.of(LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL));

  private static List<SettingKey<?>> concat(List<SettingKey<?>> own) {
    java.util.ArrayList<SettingKey<?>> all = new java.util.ArrayList<>(own);
    all.addAll(DELIVERY);
    return List.copyOf(all);
  }
}
