package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.spansOfType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One builder may start several spans: each keeps the inputs the builder held when it started,
 * whatever the builder or the other spans are given afterwards.
 */
class SpanBuilderReuseTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  @Test
  void eachSpanOfOneBuilderKeepsOnlyTheInputsItStartedWithAndItsOwn() {
    TraceManager.startTrace("reuse");
    SpanBuilder builder = Llmops.span("step").input("shared", "a");

    Span first = builder.start();
    builder.input("later", "b");
    Span second = builder.start();
    first.setInput("own", "first only");
    second.setInput("shared", "overwritten by the second");
    Span third = builder.start();
    third.close();
    second.close();
    first.close();
    TraceManager.finalizeAndSend(null, null);

    List<JsonNode> spans = spansOfType(Exported.onlyTrace(tracing.sink()), "span");
    JsonNode firstInputs = byId(spans, first.spanId()).at("/input_data/kwargs");
    JsonNode secondInputs = byId(spans, second.spanId()).at("/input_data/kwargs");
    JsonNode thirdInputs = byId(spans, third.spanId()).at("/input_data/kwargs");
    assertThat(fieldNames(firstInputs)).containsExactly("shared", "own");
    assertThat(firstInputs.get("shared").asText()).isEqualTo("a");
    assertThat(fieldNames(secondInputs)).containsExactly("shared", "later");
    assertThat(secondInputs.get("shared").asText()).isEqualTo("overwritten by the second");
    assertThat(fieldNames(thirdInputs)).containsExactly("shared", "later");
    assertThat(thirdInputs.get("shared").asText()).isEqualTo("a");
  }

  private static JsonNode byId(List<JsonNode> spans, String spanId) {
    return spans.stream().filter(s -> s.get("span_id").asText().equals(spanId)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + spanId));
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
