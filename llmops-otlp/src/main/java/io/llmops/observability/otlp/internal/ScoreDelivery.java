package io.llmops.observability.otlp.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Posts Langfuse scores, one JSON body a request, with the sink's Basic auth, through the JDK
 * HttpClient. Retries 429 and 5xx and network errors (each score has a deterministic id, so a
 * repeat upserts), pausing as {@code Retry-After} says or else as the spans back off; never
 * retries another 4xx (one error line per status); gives up at the caller's deadline. The
 * requests are the SDK's own: no client span records them. One instance per sink; called by the
 * sink's thread only.
 */
final class ScoreDelivery {

  /** Langfuse's OTLP header; the scores API has no use for it. */
  private static final String INGESTION_VERSION = "x-langfuse-ingestion-version";

  /** Longer waits than this are beyond any export deadline anyway; kept small to avoid overflow. */
  private static final long MAX_RETRY_AFTER_SECONDS = 86_400;

  private final OtlpTarget target;
  private final URI endpoint;
  private final HttpClient client;
  private final Rejections rejections;

  ScoreDelivery(OtlpTarget target, String endpoint) {
    this.target = target;
    this.endpoint = URI.create(endpoint);
    this.client = HttpClient.newBuilder().connectTimeout(target.timeout()).build();
    this.rejections = new Rejections(target, "scores");
  }

  /** Posts {@code score}, giving up at {@code deadlineNanos} ({@link System#nanoTime()}). */
  SpanDelivery.Outcome send(EvaluationScores.Score score, long deadlineNanos) {
    try (Scope ignored = OutboundHttp.suppress()) {
      return post(score, deadlineNanos);
    }
  }

  private SpanDelivery.Outcome post(EvaluationScores.Score score, long deadlineNanos) {
    RetryBackoff backoff = new RetryBackoff(target.retryDelay());
    for (int attempt = 1; ; attempt++) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return failed(-1);
      }
      HttpResponse<Void> response;
      try {
        response = client.send(request(score, remaining), HttpResponse.BodyHandlers.discarding());
      } catch (IOException | RuntimeException e) {
        response = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(-1);
      }
      int status = response == null ? -1 : response.statusCode();
      if (status >= 200 && status < 300) {
        return SpanDelivery.Outcome.SENT;
      }
      if (status >= 400 && status < 500 && status != 429) {
        rejections.log(status);
        return SpanDelivery.Outcome.REJECTED;
      }
      long pauseNanos = backoff.next();
      Long retryAfter = response == null ? null : retryAfterNanos(response);
      if (retryAfter != null) {
        pauseNanos = retryAfter;
      }
      if (attempt >= target.retryAttempts() || System.nanoTime() + pauseNanos - deadlineNanos > 0
          || !RetryBackoff.pause(pauseNanos)) {
        return failed(status);
      }
    }
  }

  private HttpRequest request(EvaluationScores.Score score, long remainingNanos) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofNanos(Math.min(remainingNanos, target.timeout().toNanos())))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(score.body(), StandardCharsets.UTF_8));
    for (Map.Entry<String, String> header : target.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase(INGESTION_VERSION)) {
        request.header(header.getKey(), header.getValue());
      }
    }
    return request.build();
  }

  private SpanDelivery.Outcome failed(int status) {
    SdkLog.warnOnce("otlp.scores_failed." + target.sinkName(), target.sinkName()
        + " sink: posting a score failed" + (status > 0 ? " with HTTP " + status : " (no answer in time)")
        + " after its retries; such scores count as dropped");
    return SpanDelivery.Outcome.FAILED;
  }

  /** {@code Retry-After} in seconds or as an HTTP date, in nanoseconds; null when absent or unreadable. */
  static @Nullable Long retryAfterNanos(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse(null);
    if (value == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SECONDS) * 1_000_000_000L;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toNanos());
      } catch (DateTimeParseException | ArithmeticException notDate) {
        return null;
      }
    }
  }
}
