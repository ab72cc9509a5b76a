package io.llmops.observability.otlp.internal;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.OtlpSettings;
import io.llmops.observability.spi.SdkLog;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code otlp} and {@code langfuse} sinks: each message's trace JSON becomes spans
 * ({@link TraceConversion}), spans already delivered are skipped, the rest go out in requests
 * bounded in bytes, and every span that does not arrive is counted. The {@code langfuse} sink then
 * posts the scores of the evaluation spans that were accepted ({@link ScoreDelivery}). Runs on the
 * sink's own thread, one call at a time, and waits for no request beyond
 * {@code LLMOPS_EXPORT_TIMEOUT} (less a margin); nothing is buffered between calls, so flush has
 * nothing to do.
 */
public final class OtlpSink implements TraceSink {

  /** Time kept back from the export time limit, so that the sink answers before the SDK stops waiting. */
  private static final long MARGIN_NANOS = 50_000_000L;

  private final OtlpTarget target;
  private final SinkMetrics metrics;
  private final SpanDelivery delivery;
  private final @Nullable ScoreDelivery scoreDelivery;
  private final SentSpans sent = new SentSpans();
  /** Scores already posted, by trace id and score id, so that a trace handed over again posts none twice. */
  private final SentSpans postedScores = new SentSpans();

  private OtlpSink(OtlpTarget target, SinkMetrics metrics) {
    this.target = target;
    this.metrics = metrics;
    this.delivery = new SpanDelivery(target);
    String scores = target.scoresEndpoint();
    this.scoreDelivery = scores == null ? null : new ScoreDelivery(target, scores);
  }

  /** Builds the sink and its exporter (the exporter's threads start on first use). */
  public static OtlpSink start(OtlpTarget target, SinkMetrics metrics) {
    return new OtlpSink(target, metrics);
  }

  @Override
  public String name() {
    return target.sinkName();
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    long budget = target.exportBudget().toNanos();
    long deadline = System.nanoTime() + Math.max(budget / 2, budget - MARGIN_NANOS);
    List<SpanData> spans = new ArrayList<>();
    List<EvaluationScores.Score> scores = new ArrayList<>();
    Set<String> inThisCall = new HashSet<>();
    for (TraceMessage message : messages) {
      collect(message, spans, scores, inThisCall);
    }
    int failedSpans = sendSpans(spans, deadline);
    int failedScores = postScores(scores, deadline);
    if (failedSpans == 0 && failedScores == 0) {
      return ExportResult.success();
    }
    return ExportResult.failure(failedSpans + " spans and " + failedScores
        + " scores were not delivered to " + name());
  }

  /**
   * Converts {@code message}, adding to {@code spans} those neither sent by an earlier call nor
   * already taken in this one ({@code inThisCall}: the same trace handed over twice in one batch).
   */
  private void collect(TraceMessage message, List<SpanData> spans,
      List<EvaluationScores.Score> scores, Set<String> inThisCall) {
    TraceConversion.Result trace;
    try {
      trace = TraceConversion.convert(message.traceJson(), target.serviceName(),
          target.linksRemoteParents());
    } catch (IllegalArgumentException e) {
      metrics.add(OtlpSettings.droppedInvalid(name()), Math.max(1, message.spanCount()));
      SdkLog.warnOnce("otlp.unreadable." + name(), name() + " sink: a trace could not be read ("
          + e.getMessage() + "); its spans count as dropped");
      return;
    }
    if (trace.skippedSpans() > 0) {
      metrics.add(OtlpSettings.droppedInvalid(name()), trace.skippedSpans());
      SdkLog.warnOnce("otlp.invalid_id." + name(), name()
          + " sink: spans whose id cannot be a W3C span id were left out and count as dropped");
    }
    for (SpanData span : trace.spans()) {
      if (sent.contains(span.getTraceId(), span.getSpanId())
          || !inThisCall.add(span.getTraceId() + span.getSpanId())) {
        metrics.increment(OtlpSettings.duplicatesSkipped(name()));
      } else {
        spans.add(span);
      }
    }
    scores.addAll(trace.scores());
  }

  /** Sends the spans in bounded requests; returns how many were not delivered. */
  private int sendSpans(List<SpanData> spans, long deadline) {
    int failed = 0;
    for (List<SpanData> batch : SpanBatches.split(spans, target.maxBatchBytes())) {
      SpanDelivery.Outcome outcome = delivery.send(batch, deadline);
      if (outcome == SpanDelivery.Outcome.SENT) {
        for (SpanData span : batch) {
          sent.add(span.getTraceId(), span.getSpanId());
        }
        metrics.add(OtlpSettings.spansSent(name()), batch.size());
        metrics.increment(OtlpSettings.requests(name()));
      } else {
        failed += batch.size();
        metrics.add(outcome == SpanDelivery.Outcome.REJECTED
            ? OtlpSettings.droppedRejected(name()) : OtlpSettings.droppedFailed(name()), batch.size());
      }
    }
    return failed;
  }

  /**
   * Posts the scores whose evaluation span was accepted (now or by an earlier call) and that were
   * not posted yet; returns how many were not. A score whose evaluation span was not delivered is
   * dropped: a score must not name an observation Langfuse does not have.
   */
  private int postScores(List<EvaluationScores.Score> scores, long deadline) {
    if (scoreDelivery == null) {
      return 0;
    }
    int failed = 0;
    for (EvaluationScores.Score score : scores) {
      if (postedScores.contains(score.traceId(), score.id())) {
        continue;
      }
      SpanDelivery.Outcome outcome = sent.contains(score.traceId(), score.evaluationSpanId())
          ? scoreDelivery.send(score, deadline) : SpanDelivery.Outcome.FAILED;
      if (outcome == SpanDelivery.Outcome.SENT) {
        postedScores.add(score.traceId(), score.id());
        metrics.increment(OtlpSettings.scoresSent(name()));
      } else {
        failed++;
        metrics.increment(outcome == SpanDelivery.Outcome.REJECTED
            ? OtlpSettings.droppedScoresRejected(name()) : OtlpSettings.droppedScoresFailed(name()));
      }
    }
    return failed;
  }

  @Override
  public ExportResult shutdown(Duration timeout) {
    delivery.shutdown(timeout);
    return ExportResult.success();
  }
}
