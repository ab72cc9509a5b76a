package io.llmops.observability.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.internal.capture.CaptureBudget;
import io.llmops.observability.internal.capture.CaptureLimits;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one span and one trace may capture is bounded in characters, counted for each reference
 * to a value, so one large value repeated many times neither fills the heap nor the message.
 */
@Timeout(60)
class CaptureBoundsTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private static final String ONE_MIB = "m".repeat(1 << 20);

  @Test
  void oneLargeStringReferencedThousandsOfTimesIsCapturedWithinTheSpanBudget() {
    List<Object> sameStringEverywhere = new ArrayList<>(Collections.nCopies(400, ONE_MIB));
    Map<String, Object> nested = Map.of("a", sameStringEverywhere, "b", sameStringEverywhere);
    try (Span span = Llmops.span("huge").start()) {
      span.setOutput(nested);
      span.setInput("also", sameStringEverywhere);
    }
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(trace.path("metadata").path("llmops.capture_budget_exhausted").asBoolean()).isTrue();
    assertThat(Llmops.stats().get("capture.budget_exhausted")).isEqualTo(1);
    // what was kept, written out before the field limit cut it, stays within the span's budget
    long kept = trace.path("spans").get(0).path("output_data").path("original_size_bytes").asLong();
    assertThat(kept).isBetween(CaptureLimits.MAX_SPAN_CHARS / 2, CaptureLimits.MAX_SPAN_CHARS + 100_000);
  }

  @Test
  void aSpanWithinItsBudgetIsCapturedWhole() {
    String text = "t".repeat(50_000);
    try (Span span = Llmops.span("fits").start()) {
      span.setOutput(List.of(text, text, text));
    }
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(trace.path("metadata").has("llmops.capture_budget_exhausted")).isFalse();
    assertThat(Llmops.stats().get("capture.budget_exhausted")).isZero();
  }

  @Test
  void whatABuilderCapturedIsChargedToItsSpanAndItsTrace() {
    String chunk = "b".repeat(CaptureLimits.MAX_STRING_CHARS);
    io.llmops.observability.SpanBuilder builder = Llmops.span("spent by the builder");
    for (int i = 0; i * (long) CaptureLimits.MAX_STRING_CHARS <= CaptureLimits.MAX_SPAN_CHARS; i++) {
      builder.input("part" + i, chunk);
    }
    try (Span span = builder.start()) {
      span.setOutput("left out: the builder spent the span's budget");
    }
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(trace.path("metadata").path("llmops.capture_budget_exhausted").asBoolean()).isTrue();
    assertThat(trace.path("spans").get(0).path("output_data").toString())
        .contains(CaptureBudget.EXHAUSTED_MARKER);
  }

  @Test
  void theTraceBudgetBoundsManySpansTogether() {
    long spans = CaptureLimits.MAX_TRACE_CHARS / CaptureLimits.MAX_STRING_CHARS + 20;
    io.llmops.observability.TraceManager.startTrace("many");
    for (int i = 0; i < spans; i++) {
      try (Span span = Llmops.span("part").start()) {
        span.setOutput(ONE_MIB);
      }
    }
    io.llmops.observability.TraceManager.finalizeAndSend(null, null);
    JsonNode trace = Exported.onlyTrace(tracing.sink());
    assertThat(trace.path("metadata").path("llmops.capture_budget_exhausted").asBoolean()).isTrue();
    long exhausted = 0;
    for (JsonNode span : trace.path("spans")) {
      if (span.path("output_data").toString().contains(CaptureBudget.EXHAUSTED_MARKER)) {
        exhausted++;
      }
    }
    assertThat(exhausted).isGreaterThanOrEqualTo(20);
  }

  @Test
  void jacksonTreesAreCapturedAsTheJsonTheyHold() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(
        "{\"question\":\"why?\",\"k\":3,\"ok\":true,\"tags\":[\"a\",{\"b\":null}],\"empty\":{}}");
    try (Span span = Llmops.span("json").input("doc", doc).start()) {
      span.setOutput(doc.path("question"));
      span.setMetadata("count", doc.path("k"));
    }
    JsonNode spanJson = Exported.onlyTrace(tracing.sink()).path("spans").get(0);
    assertThat(spanJson.path("input_data").path("kwargs").path("doc")).isEqualTo(doc);
    assertThat(spanJson.path("output_data").path("output").asText()).isEqualTo("why?");
    assertThat(spanJson.path("metadata").path("count").asInt()).isEqualTo(3);
  }
}
