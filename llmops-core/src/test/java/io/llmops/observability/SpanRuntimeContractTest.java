package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.WireDecoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A span is a runtime object: no method throws. An invalid argument is ignored, the span keeps
 * what it had, and the call is counted under {@code invalid_argument.<method>}.
 */
class SpanRuntimeContractTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  static Stream<Arguments> invalidCalls() {
    return Stream.of(
        invalid("setUsage", "a negative input token count", s -> s.setUsage(-1, 10)),
        invalid("setCost", "a NaN input cost", s -> s.setCost(Double.NaN, 0.1)),
        invalid("setCost", "an infinite output cost", s -> s.setCost(0.1, Double.POSITIVE_INFINITY)),
        invalid("setCost", "a negative input cost", s -> s.setCost(-0.5, 0.1)),
        invalid("setInput", "a null name", s -> s.setInput(null, "v")),
        invalid("setLocal", "a null name", s -> s.setLocal(null, "v")),
        invalid("setMetadata", "a null key", s -> s.setMetadata(null, "v")),
        invalid("addTag", "a null tag", s -> s.addTag(null)),
        invalid("setLevel", "a null level", s -> s.setLevel(null)),
        invalid("setPromptReference", "a null prompt name", s -> s.setPromptReference(null, 1)),
        invalid("setPromptReference", "a blank prompt name", s -> s.setPromptReference(" \t", 1)),
        invalid("setPromptReference", "a prompt version of 0", s -> s.setPromptReference("qa", 0)),
        invalid("setPromptReference", "a negative prompt version",
            s -> s.setPromptReference("qa", -3)),
        invalid("recordException", "a null exception", s -> s.recordException(null)));
  }

  private static Arguments invalid(String method, String what, Consumer<Span> call) {
    return Arguments.of(method, what, call);
  }

  /** Runs {@code body} on a generation span in a trace and returns the span as exported. */
  private JsonNode exported(Consumer<Span> body) {
    TraceManager.startTrace("contract");
    try (Span span = Llmops.generation("llm").start()) {
      span.setUsage(3, 4).setCost(0.25, 0.5).setMetadata("kept", "yes").addTag("kept-tag")
          .setLevel(SpanLevel.WARNING);
      body.accept(span);
      assertThat(span.isRecording()).isTrue();
    }
    assertThat(TraceManager.endTrace()).isTrue();
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(1);
    return spansByName(WireDecoder.trace(sink.messages().get(0).body())).get("llm");
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("invalidCalls")
  void anInvalidArgumentIsIgnoredCountedAndLeavesTheSpanAsItWas(
      String method, String what, Consumer<Span> call) {
    JsonNode span = exported(s -> assertThatCode(() -> call.accept(s)).doesNotThrowAnyException());

    assertThat(Llmops.stats().get("invalid_argument." + method)).isEqualTo(1);
    assertThat(span.at("/usage/total_tokens").asLong()).isEqualTo(7);
    assertThat(span.at("/cost/total_cost").asDouble()).isEqualTo(0.75);
    assertThat(span.at("/metadata/kept").asText()).isEqualTo("yes");
    assertThat(span.get("tags")).hasSize(1);
    assertThat(span.get("level").asText()).isEqualTo("WARNING");
    assertThat(span.get("status").asText()).isEqualTo("success");
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("invalidCalls")
  void theNoopSpanOfDisabledTracingIgnoresTheSameArgumentsWithoutThrowing(
      String method, String what, Consumer<Span> call) {
    Llmops.configure(TestConfigs.isolated().enabled(false).build());
    Span noop = Llmops.generation("llm").start();

    assertThatCode(() -> call.accept(noop)).doesNotThrowAnyException();
    assertThat(Llmops.stats().get("invalid_argument." + method)).isEqualTo(1);
  }

  @Test
  void theWarningNamesTheMethodAndTheArgumentButNeverTheValue() {
    try (CapturedLog log = CapturedLog.open()) {
      exported(s -> s.setUsage(5, -987_654_321L));

      assertThat(log.text()).contains("setUsage").contains("outputTokens")
          .doesNotContain("987654321").doesNotContain("987_654_321");
    }
  }

  @Test
  void aNullArrayOfArgumentsMeansNoArgumentsOnTheSpanAsOnTheBuilder() {
    JsonNode span = exported(s -> s.setArgs("earlier").setArgs((Object[]) null));
    TraceManager.startTrace("builder");
    Llmops.span("built").args("earlier").args((Object[]) null).run(() -> {});
    TraceManager.endTrace();
    Llmops.flush(Duration.ofSeconds(5));

    assertThat(span.at("/input_data/args")).isEmpty();
    JsonNode built = spansByName(WireDecoder.trace(sink.messages().get(1).body())).get("built");
    assertThat(built.at("/input_data/args")).isEmpty();
    assertThat(Llmops.stats().counters()).noneSatisfy((name, count) ->
        assertThat(name).startsWith("invalid_argument."));
  }

  @Test
  void applicationCodeHoldingTheSpansMonitorNeverBlocksItsWriters() throws Exception {
    TraceManager.startTrace("locked");
    Span span = Llmops.span("shared").startDetached();
    Thread writer = new Thread(() -> span.setOutput("written").setModel("m").end());
    boolean blockedOnTheSpan = false;
    synchronized (span) {
      writer.start();
      // until the writer finishes or waits for the monitor we hold (it cannot get past that)
      while (writer.isAlive() && !blockedOnTheSpan) {
        blockedOnTheSpan = isBlockedOn(writer, span);
      }
    }
    writer.join();
    TraceManager.endTrace();
    Llmops.flush(Duration.ofSeconds(5));

    assertThat(blockedOnTheSpan).isFalse();
    JsonNode exported = spansByName(WireDecoder.trace(sink.messages().get(0).body())).get("shared");
    assertThat(exported.at("/output_data/output").asText()).isEqualTo("written");
  }

  private static boolean isBlockedOn(Thread thread, Object monitor) {
    ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
    return info != null && info.getThreadState() == Thread.State.BLOCKED
        && info.getLockInfo() != null
        && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(monitor);
  }

  @Test
  void recordLlmResponseHasOneImplementationNotADefaultBesideTheEngines() throws Exception {
    assertThat(Span.class.getMethod("recordLlmResponse", Object.class).isDefault()).isFalse();
  }
}
