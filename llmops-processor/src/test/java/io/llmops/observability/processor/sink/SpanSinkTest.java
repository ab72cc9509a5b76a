package io.llmops.observability.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.otlp.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanSinkTest {

  private static final String ROOT = "11111111-2222-4333-8444-555555555555";
  private static final String CHILD = "22222222-2222-4333-8444-666666666666";
  private static final String EVALUATION = "33333333-2222-4333-8444-777777777777";
  private static final Duration BUDGET = Duration.ofSeconds(10);

  @Test
  void theOtlpSinkSendsTheFirstExportWholeAndALateExportOnlyItsNewSpans() throws Exception {
    ObjectNode first = Exports.trace("support", "prod", ROOT, CHILD);
    ObjectNode merged = Exports.withSpan(first, EVALUATION, "span");

    try (OtlpReceiver otlp = OtlpReceiver.start();
        SpanSink sink = SpanSink.otlp(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.baseUrl()), BUDGET)) {
      sink.deliver(Exports.first(first));
      sink.deliver(Exports.late(merged, "seg-1", Set.of(EVALUATION)));

      assertThat(otlp.requests()).hasSize(2);
      assertThat(spanIds(otlp.requests().get(0).spans())).containsExactly("1111111122224333",
          "2222222222224333");
      assertThat(spanIds(otlp.requests().get(1).spans())).containsExactly("3333333322224333");
      assertThat(otlp.requests().get(0).path()).isEqualTo("/v1/traces");
      assertThat(sink.counters()).containsEntry("otlp.spans_sent", 3L);
    }
  }

  @Test
  void theLangfuseSinkPostsTheScoreOfALateEvaluation() throws Exception {
    ObjectNode first = Exports.trace("support", "prod", ROOT);
    ObjectNode merged = Exports.withSpan(first, EVALUATION, "evaluation");
    ((ObjectNode) merged.withArray("spans").get(1)).putObject("input_data").putObject("evaluation")
        .put("name", "faithfulness").put("score", 0.9).put("evaluated_span_id", ROOT);

    try (OtlpReceiver langfuse = OtlpReceiver.start();
        SpanSink sink = SpanSink.langfuse(langfuseSettings(langfuse), BUDGET)) {
      sink.deliver(Exports.first(first));
      sink.deliver(Exports.late(merged, "evaluations", Set.of(EVALUATION)));

      assertThat(langfuse.spans()).hasSize(2);
      assertThat(langfuse.requests().get(0).path()).isEqualTo("/api/public/otel/v1/traces");
      assertThat(langfuse.requests().get(1).header("Authorization")).startsWith("Basic ");
      assertThat(langfuse.scoreRequests()).singleElement()
          .satisfies(score -> assertThat(score.body()).contains("\"name\":\"faithfulness\"")
              .contains("\"observationId\":\"1111111122224333\""));
    }
  }

  @Test
  void anExportWithNoNewSpansSendsNothing() throws Exception {
    try (OtlpReceiver otlp = OtlpReceiver.start();
        SpanSink sink = SpanSink.otlp(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.baseUrl()), BUDGET)) {
      sink.deliver(Exports.late(Exports.trace("support", "prod", ROOT), "seg-1", Set.of()));

      assertThat(otlp.requests()).isEmpty();
    }
  }

  @Test
  void theLangfuseSinkWithoutKeysIsRefusedNamingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> SpanSink.langfuse(Map.of(), BUDGET))
        .withMessage("LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY must be set for the langfuse sink");
  }

  static Map<String, String> langfuseSettings(OtlpReceiver langfuse) {
    return Map.of("LANGFUSE_PUBLIC_KEY", "pk-lf-test", "LANGFUSE_SECRET_KEY", "sk-lf-test",
        "LANGFUSE_BASE_URL", langfuse.baseUrl());
  }

  static List<String> spanIds(List<Span> spans) {
    return spans.stream().map(span -> OtlpReceiver.hex(span.getSpanId())).toList();
  }
}
