package io.llmops.observability.otlp;

/**
 * Names used by the {@code otlp} and {@code langfuse} sinks: the variables they read (validated
 * with the core's when a configuration is built) and the counters they add to
 * {@code Llmops.stats()}. See docs/OTLP_LANGFUSE.md. Constants only.
 */
public final class OtlpSettings {

  private OtlpSettings() {}

  /** Base URL of an OTLP/HTTP receiver; the sink posts to {@code <it>/v1/traces}. */
  public static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  /** Full URL for traces; wins over {@link #OTLP_ENDPOINT}. */
  public static final String OTLP_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
  /** Request headers, {@code key=value} pairs separated by commas, percent-encoded (W3C baggage form). */
  public static final String OTLP_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
  /** {@code service.name} of the exported spans; default each trace's project id. */
  public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";

  /** Langfuse public key ({@code pk-lf-...}). */
  public static final String LANGFUSE_PUBLIC_KEY = "LANGFUSE_PUBLIC_KEY";
  /** Langfuse secret key ({@code sk-lf-...}). */
  public static final String LANGFUSE_SECRET_KEY = "LANGFUSE_SECRET_KEY";
  /** Langfuse host; default {@code https://cloud.langfuse.com}. {@code LANGFUSE_HOST} is accepted too. */
  public static final String LANGFUSE_BASE_URL = "LANGFUSE_BASE_URL";

  /** Seconds one OTLP request may take; default 10. */
  public static final String TIMEOUT = "LLMOPS_OTLP_TIMEOUT";
  /** Attempts of one request, the first included; 1 to 5, default 5. */
  public static final String RETRY_ATTEMPTS = "LLMOPS_OTLP_RETRY_ATTEMPTS";
  /** Seconds before the first retry (then times 1.5, at most 5 s, or as {@code Retry-After} says); default 1. */
  public static final String RETRY_DELAY = "LLMOPS_OTLP_RETRY_DELAY";
  /** Upper bound of one request's spans, in bytes before compression; default 4 MiB. */
  public static final String MAX_BATCH_BYTES = "LLMOPS_OTLP_MAX_BATCH_BYTES";

  /** Counter {@code <sink>.spans_sent}: spans the endpoint accepted (a 2xx answer). */
  public static String spansSent(String sink) {
    return sink + ".spans_sent";
  }

  /** Counter {@code <sink>.requests}: export requests answered with a 2xx. */
  public static String requests(String sink) {
    return sink + ".requests";
  }

  /** Counter {@code <sink>.duplicates_skipped}: spans not sent again because they already were. */
  public static String duplicatesSkipped(String sink) {
    return sink + ".duplicates_skipped";
  }

  /** Counter {@code <sink>.scores_sent}: Langfuse scores the scores endpoint accepted (the {@code langfuse} sink). */
  public static String scoresSent(String sink) {
    return sink + ".scores_sent";
  }

  /** Counter {@code dropped.<sink>_scores_rejected}: scores refused with a 4xx other than 429. */
  public static String droppedScoresRejected(String sink) {
    return "dropped." + sink + "_scores_rejected";
  }

  /**
   * Counter {@code dropped.<sink>_scores_failed}: scores not posted after the retries or in time,
   * or not posted because their evaluation span was not delivered.
   */
  public static String droppedScoresFailed(String sink) {
    return "dropped." + sink + "_scores_failed";
  }

  /** Counter {@code dropped.<sink>_rejected}: spans refused by the endpoint (400, 401, 403, 404, 413...). */
  public static String droppedRejected(String sink) {
    return "dropped." + sink + "_rejected";
  }

  /** Counter {@code dropped.<sink>_failed}: spans not delivered after the retries, or in time. */
  public static String droppedFailed(String sink) {
    return "dropped." + sink + "_failed";
  }

  /** Counter {@code dropped.<sink>_invalid}: spans left out for an id that cannot be sent, or an unreadable trace. */
  public static String droppedInvalid(String sink) {
    return "dropped." + sink + "_invalid";
  }
}
