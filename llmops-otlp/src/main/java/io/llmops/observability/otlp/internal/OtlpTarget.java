package io.llmops.observability.otlp.internal;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.otlp.OtlpSettings;
import io.llmops.observability.spi.SdkInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where one sink sends and how: its name, endpoint, headers, the variables to fix when the
 * endpoint refuses the credentials, the delivery settings, and where the scores of evaluation
 * spans go (Langfuse only). Immutable; {@code toString} never
 * shows the headers.
 */
public record OtlpTarget(
    String sinkName,
    String endpoint,
    Map<String, String> headers,
    String credentialVariables,
    @Nullable String serviceName,
    Duration timeout,
    int retryAttempts,
    Duration retryDelay,
    long maxBatchBytes,
    Duration exportBudget,
    @Nullable String scoresEndpoint) {

  /**
   * Whether a trace's root spans are parented to its W3C caller's span: for every backend but
   * Langfuse, which takes a parentless span as the trace's root (its name, input and output).
   */
  public boolean linksRemoteParents() {
    return !sinkName.equals("langfuse");
  }

  /** The {@code otlp} sink's target. */
  public static OtlpTarget otlp(LlmopsConfig config) {
    String endpoint = config.get(OtlpKeys.TRACES_ENDPOINT);
    if (endpoint == null) {
      String base = config.get(OtlpKeys.ENDPOINT);
      endpoint = (base == null ? "http://localhost:4318" : stripSlash(base)) + "/v1/traces";
    }
    return of(config, "otlp", endpoint, config.get(OtlpKeys.HEADERS), OtlpSettings.OTLP_HEADERS, null);
  }

  /**
   * The {@code langfuse} sink's target, or null when neither key is set.
   *
   * @throws IllegalArgumentException when only one of the keys is set
   */
  public static @Nullable OtlpTarget langfuse(LlmopsConfig config) {
    String publicKey = config.get(OtlpKeys.LANGFUSE_PUBLIC_KEY);
    String secretKey = config.get(OtlpKeys.LANGFUSE_SECRET_KEY);
    if (publicKey == null && secretKey == null) {
      return null;
    }
    if (publicKey == null || secretKey == null) {
      String missing = publicKey == null ? OtlpSettings.LANGFUSE_PUBLIC_KEY : OtlpSettings.LANGFUSE_SECRET_KEY;
      String present = publicKey == null ? OtlpSettings.LANGFUSE_SECRET_KEY : OtlpSettings.LANGFUSE_PUBLIC_KEY;
      throw new IllegalArgumentException(missing + " must be set when " + present
          + " is: Langfuse needs both keys (or neither, to send no traces there)");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String credentials = publicKey + ":" + secretKey;
    headers.put("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    headers.put("x-langfuse-ingestion-version", "4");
    headers.put("x-langfuse-sdk-name", SdkInfo.NAME);
    headers.put("x-langfuse-sdk-version", SdkInfo.VERSION);
    String base = stripSlash(config.get(OtlpKeys.LANGFUSE_BASE_URL));
    return of(config, "langfuse", base + "/api/public/otel/v1/traces", headers,
        OtlpSettings.LANGFUSE_PUBLIC_KEY + " and " + OtlpSettings.LANGFUSE_SECRET_KEY + " (and "
            + OtlpSettings.LANGFUSE_BASE_URL + " for the keys' region)",
        base + "/api/public/scores");
  }

  private static OtlpTarget of(LlmopsConfig config, String sink, String endpoint,
      Map<String, String> headers, String credentialVariables, @Nullable String scoresEndpoint) {
    return new OtlpTarget(sink, endpoint, Map.copyOf(headers), credentialVariables,
        config.get(OtlpKeys.SERVICE_NAME), config.get(OtlpKeys.TIMEOUT),
        config.get(OtlpKeys.RETRY_ATTEMPTS), config.get(OtlpKeys.RETRY_DELAY),
        config.get(OtlpKeys.MAX_BATCH_BYTES),
        config.get(io.llmops.observability.LlmopsSettings.EXPORT_TIMEOUT), scoresEndpoint);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "OtlpTarget{" + sinkName + ", " + headers.size() + " headers}";
  }
}
