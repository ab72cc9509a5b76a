package io.llmops.observability.otlp.internal;

import io.llmops.observability.spi.SdkLog;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends batches of spans through one {@link OtlpHttpSpanExporter} (protobuf, gzip, the JDK's
 * HttpClient). The exporter retries 429, 502, 503 and 504 itself, honouring {@code Retry-After};
 * this class adds retries of 500 (Langfuse answers 500 when it could not store the batch, so
 * nothing was ingested and a retry cannot duplicate), never retries another 4xx, and waits for
 * no batch beyond the caller's deadline. One instance per sink; called by the sink's thread only.
 */
final class SpanDelivery {

  /** How one batch ended. */
  enum Outcome { SENT, REJECTED, FAILED }

  private static final double BACKOFF_MULTIPLIER = 1.5;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final OtlpTarget target;
  private final OtlpHttpSpanExporter exporter;
  private final Set<Integer> statusesLogged = ConcurrentHashMap.newKeySet();

  SpanDelivery(OtlpTarget target) {
    this.target = target;
    var builder = OtlpHttpSpanExporter.builder()
        .setEndpoint(target.endpoint())
        .setCompression("gzip")
        .setTimeout(target.timeout())
        .setConnectTimeout(target.timeout());
    // the exporter's policy takes 2 to 5 attempts; null turns its retries off
    builder.setRetryPolicy(target.retryAttempts() < 2 ? null : RetryPolicy.builder()
        .setMaxAttempts(target.retryAttempts())
        .setInitialBackoff(target.retryDelay())
        .setMaxBackoff(max(target.retryDelay(), MAX_BACKOFF))
        .setBackoffMultiplier(BACKOFF_MULTIPLIER)
        .build());
    for (Map.Entry<String, String> header : target.headers().entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    this.exporter = builder.build();
  }

  /** Sends {@code batch}, giving up at {@code deadlineNanos} ({@link System#nanoTime()}). */
  Outcome send(List<SpanData> batch, long deadlineNanos) {
    long delayNanos = target.retryDelay().toNanos();
    for (int attempt = 1; ; attempt++) {
      CompletableResultCode result = exporter.export(batch);
      result.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (!result.isDone()) {
        SdkLog.warnOnce("otlp.deadline." + target.sinkName(), target.sinkName()
            + " sink: the endpoint did not answer within the export time limit; "
            + "those spans count as dropped (see LLMOPS_OTLP_TIMEOUT and LLMOPS_EXPORT_TIMEOUT)");
        return Outcome.FAILED;
      }
      if (result.isSuccess()) {
        return Outcome.SENT;
      }
      int status = statusOf(result.getFailureThrowable());
      if (status >= 400 && status < 500 && status != 429) {
        logRejection(status);
        return Outcome.REJECTED;
      }
      boolean retryable = status == 500 && attempt < target.retryAttempts();
      if (!retryable || System.nanoTime() + delayNanos - deadlineNanos > 0) {
        SdkLog.warnOnce("otlp.failed." + target.sinkName(), target.sinkName()
            + " sink: export failed" + (status > 0 ? " with HTTP " + status : " (no answer)")
            + " after its retries; those spans count as dropped");
        return Outcome.FAILED;
      }
      if (!pause(delayNanos)) {
        return Outcome.FAILED;
      }
      delayNanos = Math.min(MAX_BACKOFF.toNanos(), (long) (delayNanos * BACKOFF_MULTIPLIER));
    }
  }

  /** Closes the exporter, waiting at most {@code timeout}. */
  void shutdown(Duration timeout) {
    exporter.shutdown().join(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void logRejection(int status) {
    if (!statusesLogged.add(status)) {
      return;
    }
    String cause = switch (status) {
      case 401 -> "the credentials were refused; check " + target.credentialVariables();
      case 403 -> "the credentials may not write traces (or ingestion is suspended for the project); check "
          + target.credentialVariables();
      case 404 -> "the endpoint does not exist; check its URL variable";
      case 413 -> "a request was too large; lower LLMOPS_OTLP_MAX_BATCH_BYTES";
      default -> "the endpoint refused the request as invalid";
    };
    SdkLog.error(target.sinkName() + " sink: HTTP " + status + ", " + cause
        + "; refused spans are not retried and count as dropped", null);
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof FailedExportException.HttpExportException http && http.failedWithResponse()) {
      return http.getResponse().getStatusCode();
    }
    return -1;
  }

  private static boolean pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
