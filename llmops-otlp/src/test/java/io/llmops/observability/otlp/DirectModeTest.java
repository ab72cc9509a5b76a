package io.llmops.observability.otlp;

import static io.llmops.observability.otlp.OtlpReceiver.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.TestConfigs;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The specification's direct mode: Langfuse keys and no SQS queue send traces to Langfuse. */
class DirectModeTest {

  private final OtlpReceiver receiver = OtlpReceiver.start();

  @AfterEach
  void stop() {
    Llmops.shutdown(Duration.ofSeconds(5));
    receiver.close();
  }

  @Test
  void withBothKeysAndNoQueueATraceGoesStraightToLangfuse() {
    Llmops.configure(SinkTesting.langfuse(receiver).build());
    String traceId = TraceManager.startTrace("direct");
    try (Span generation = Llmops.generation("call_llm").model("gpt-4o").start()) {
      generation.setUsage(10, 5);
    }
    TraceManager.finalizeAndSend(Map.of("q", "hi"), Map.of("a", "hello"));
    assertThat(Llmops.flush(Duration.ofSeconds(20))).isTrue();

    assertThat(receiver.spans()).singleElement().satisfies(span -> {
      assertThat(OtlpReceiver.hex(span.getTraceId())).isEqualTo(traceId.replace("-", ""));
      assertThat(span.getKind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
      assertThat(text(span, "langfuse.observation.type")).isEqualTo("generation");
      assertThat(text(span, "langfuse.trace.name")).isEqualTo("direct");
    });
    assertThat(Llmops.stats().get(OtlpSettings.spansSent("langfuse"))).isEqualTo(1);
  }

  @Test
  void anSqsQueueKeepsLangfuseOutOfTheDefaultSinks() {
    var config = SinkTesting.langfuse(receiver).set("AWS_SQS_URL", "http://127.0.0.1:1/q/traces").build();
    assertThat(new LangfuseSinkProvider().enabledByDefault(config)).isFalse();
    assertThat(new LangfuseSinkProvider().enabledByDefault(SinkTesting.langfuse(receiver).build())).isTrue();
  }

  @Test
  void onlyOneKeyIsAStartupErrorNamingTheMissingOne() {
    var config = TestConfigs.isolated().set(OtlpSettings.LANGFUSE_PUBLIC_KEY, "pk-lf-1").build();
    assertThat(new LangfuseSinkProvider().enabledByDefault(config)).isTrue();
    assertThatThrownBy(() -> new LangfuseSinkProvider().prepare(config, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LANGFUSE_SECRET_KEY").hasMessageNotContaining("pk-lf-1");
  }

  @Test
  void askedForWithoutKeysItSaysLangfuseNotConfiguredOnceAndCountsTheTraces() {
    try (CapturedLog log = CapturedLog.open()) {
      Llmops.configure(TestConfigs.isolated().sinks("langfuse").build());
      for (int i = 0; i < 3; i++) {
        TraceManager.startTrace("t" + i);
        TraceManager.finalizeAndSend();
      }
      Llmops.flush(Duration.ofSeconds(10));
      assertThat(Llmops.stats().get("export_failed.langfuse")).isEqualTo(3);
      Llmops.configure(TestConfigs.isolated().sinks("langfuse").build());
      List<String> lines = log.messages().stream().filter(l -> l.contains("Langfuse not configured")).toList();
      assertThat(lines).hasSize(1);
    }
  }
}
