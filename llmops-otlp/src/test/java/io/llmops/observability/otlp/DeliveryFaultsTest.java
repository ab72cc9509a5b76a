package io.llmops.observability.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the sink meets a failing endpoint: retried where it helps, never twice after a success, every loss counted. */
class DeliveryFaultsTest {

  private final OtlpReceiver receiver = OtlpReceiver.start();
  private final SinkMetrics metrics = SinkMetrics.detached();
  private TraceSink sink;

  @AfterEach
  void stop() {
    if (sink != null) {
      sink.shutdown(Duration.ofSeconds(1));
    }
    receiver.close();
  }

  private ExportResult exportOnce(LlmopsConfig config) {
    sink = new LangfuseSinkProvider().create(config, metrics);
    return sink.export(List.of(SinkTesting.everySpanTypeMessage()));
  }

  private ExportResult exportOnce() {
    return exportOnce(SinkTesting.langfuse(receiver).build());
  }

  @Test
  void a429IsRetriedAfterItsRetryAfterAndTheSpansArriveOnce() {
    receiver.answer(429, Map.of("Retry-After", "1"), "{}");
    assertThat(exportOnce().isSuccess()).isTrue();
    assertThat(receiver.requests()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.spansSent("langfuse"))).isEqualTo(6);
  }

  @Test
  void a500IsRetriedBecauseLangfuseStoredNothing() {
    receiver.answer(500);
    assertThat(exportOnce().isSuccess()).isTrue();
    assertThat(receiver.requests()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.spansSent("langfuse"))).isEqualTo(6);
  }

  @Test
  void a503IsRetried() {
    receiver.answer(503).answer(503);
    assertThat(exportOnce().isSuccess()).isTrue();
    assertThat(receiver.requests()).hasSize(3);
  }

  @Test
  void anEndpointThatKeepsFailingCostsTheConfiguredAttemptsAndTheSpansCountAsDropped() {
    for (int i = 0; i < 5; i++) {
      receiver.answer(500);
    }
    ExportResult result = exportOnce(SinkTesting.langfuse(receiver).set(OtlpSettings.RETRY_ATTEMPTS, "3").build());
    assertThat(result.isSuccess()).isFalse();
    assertThat(receiver.requests()).hasSize(3);
    assertThat(metrics.get(OtlpSettings.droppedFailed("langfuse"))).isEqualTo(6);
  }

  @Test
  void a401IsNotRetriedAndIsLoggedOnceNamingTheVariablesToFix() {
    receiver.answer(401).answer(401);
    try (CapturedLog log = CapturedLog.open()) {
      assertThat(exportOnce().isSuccess()).isFalse();
      assertThat(sink.export(List.of(SinkTesting.everySpanTypeMessage())).isSuccess()).isFalse();
      List<String> lines = log.messages().stream().filter(line -> line.contains("HTTP 401")).toList();
      assertThat(lines).singleElement().satisfies(line -> assertThat(line)
          .contains("LANGFUSE_PUBLIC_KEY").contains("LANGFUSE_SECRET_KEY").doesNotContain("sk-lf-test"));
    }
    assertThat(receiver.requests()).hasSize(2);
    assertThat(metrics.get(OtlpSettings.droppedRejected("langfuse"))).isEqualTo(12);
  }

  @Test
  void aHangingEndpointHoldsTheSinkNoLongerThanTheExportTimeLimit() {
    receiver.hang().hang().hang();
    LlmopsConfig config = SinkTesting.langfuse(receiver)
        .set(OtlpSettings.TIMEOUT, "0.3").set("LLMOPS_EXPORT_TIMEOUT", "2").build();
    ExportResult result = exportOnce(config);
    assertThat(result.isSuccess()).isFalse();
    assertThat(metrics.get(OtlpSettings.droppedFailed("langfuse"))).isEqualTo(6);
  }

  @Test
  void aMalformedAnswerWithA2xxCountsAsDeliveredAndIsNotSentAgain() {
    receiver.answer(200, Map.of(), "<html>not json");
    assertThat(exportOnce().isSuccess()).isTrue();
    assertThat(sink.export(List.of(SinkTesting.everySpanTypeMessage())).isSuccess()).isTrue();
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void requestsStayWithinTheByteBoundAndTogetherCarryEverySpan() {
    LlmopsConfig config = SinkTesting.langfuse(receiver).set(OtlpSettings.MAX_BATCH_BYTES, "65536").build();
    sink = new LangfuseSinkProvider().create(config, metrics);
    List<io.llmops.observability.export.TraceMessage> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(Traces.withSpans(i, 10, 2_000));
    }
    assertThat(sink.export(many).isSuccess()).isTrue();
    assertThat(receiver.requests().size()).isGreaterThan(1);
    assertThat(receiver.spans()).hasSize(400);
    for (OtlpReceiver.Received request : receiver.requests()) {
      assertThat(request.body().getSerializedSize()).isLessThanOrEqualTo(65536 + 8192);
    }
  }
}
