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

  private final OtlpTarget target;
  private final OtlpHttpSpanExporter exporter;
  private final Rejections rejections;

  SpanDelivery(OtlpTarget target) {
    this.target = target;
    this.rejections = new Rejections(target, "spans");
    var builder = OtlpHttpSpanExporter.builder()
        .setEndpoint(target.endpoint())
        .setCompression("gzip")
        .setTimeout(target.timeout())
        .setConnectTimeout(target.timeout());
    // the exporter's policy takes 2 to 5 attempts; null turns its retries off
    builder.setRetryPolicy(target.retryAttempts() < 2 ? null : RetryPolicy.builder()
        .setMaxAttempts(target.retryAttempts())
        .setInitialBackoff(target.retryDelay())
        .setMaxBackoff(max(target.retryDelay(), RetryBackoff.MAX))
        .setBackoffMultiplier(RetryBackoff.MULTIPLIER)
        .build());
    for (Map.Entry<String, String> header : target.headers().entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    this.exporter = builder.build();
  }

  /** Sends {@code batch}, giving up at {@code deadlineNanos} ({@link System#nanoTime()}). */
  Outcome send(List<SpanData> batch, long deadlineNanos) {
    RetryBackoff backoff = new RetryBackoff(target.retryDelay());
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
        rejections.log(status);
        return Outcome.REJECTED;
      }
      long pauseNanos = backoff.next();
      boolean retryable = status == 500 && attempt < target.retryAttempts();
      if (!retryable || System.nanoTime() + pauseNanos - deadlineNanos > 0) {
        SdkLog.warnOnce("otlp.failed." + target.sinkName(), target.sinkName()
            + " sink: export failed" + (status > 0 ? " with HTTP " + status : " (no answer)")
            + " after its retries; those spans count as dropped");
        return Outcome.FAILED;
      }
      if (!RetryBackoff.pause(pauseNanos)) {
        return Outcome.FAILED;
      }
    }
  }

  /** Closes the exporter, waiting at most {@code timeout}. */
  void shutdown(Duration timeout) {
    exporter.shutdown().join(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof FailedExportException.HttpExportException http && http.failedWithResponse()) {
      return http.getResponse().getStatusCode();
    }
    return -1;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
