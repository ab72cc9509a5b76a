package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generation names the managed prompt it used (name and version), from the builder or the
 * span, as the metadata entries {@code prompt.name} (string) and {@code prompt.version}
 * (integer).
 */
class PromptReferenceTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  private Map<String, JsonNode> exportedSpans(Runnable body) {
    TraceManager.startTrace("prompts");
    body.run();
    assertThat(TraceManager.endTrace()).isTrue();
    return spansByName(Exported.onlyTrace(sink));
  }

  @Test
  void theBuilderRecordsTheNameAsTextAndTheVersionAsAnInteger() {
    JsonNode span = exportedSpans(() ->
        Llmops.generation("answer").promptReference("qa-system", 3).run(() -> {})).get("answer");

    assertThat(span.at("/metadata/prompt.name").isTextual()).isTrue();
    assertThat(span.at("/metadata/prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(span.at("/metadata/prompt.version").isIntegralNumber()).isTrue();
    assertThat(span.at("/metadata/prompt.version").intValue()).isEqualTo(3);
  }

  @Test
  void theSpanRecordsItAndALaterCallReplacesBothParts() {
    JsonNode span = exportedSpans(() -> {
      try (Span generation = Llmops.generation("answer").start()) {
        generation.setPromptReference("draft", 1).setPromptReference("qa-system", 7);
      }
    }).get("answer");

    assertThat(span.at("/metadata/prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(span.at("/metadata/prompt.version").intValue()).isEqualTo(7);
  }

  @Test
  void anInvalidReferenceOnTheSpanLeavesTheOneItHad() {
    JsonNode span = exportedSpans(() -> {
      try (Span generation = Llmops.generation("answer").start()) {
        generation.setPromptReference("qa-system", 2)
            .setPromptReference("other", 0)
            .setPromptReference(" ", 5);
      }
    }).get("answer");

    assertThat(span.at("/metadata/prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(span.at("/metadata/prompt.version").intValue()).isEqualTo(2);
    assertThat(Llmops.stats().get("invalid_argument.setPromptReference")).isEqualTo(2);
  }

  @Test
  void theBuilderRejectsABlankNameOrAVersionBelowOneNamingIt() {
    assertThatThrownBy(() -> Llmops.generation("g").promptReference(null, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt name");
    assertThatThrownBy(() -> Llmops.generation("g").promptReference("  ", 1))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt name");
    assertThatThrownBy(() -> Llmops.generation("g").promptReference("qa", 0))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt version");
    assertThatThrownBy(() -> Llmops.generation("g").promptReference("qa", Integer.MIN_VALUE))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt version");
  }

  @Test
  void aGenerationJoinedToAnOpenOneNamesThePromptOfThatOne() {
    Map<String, JsonNode> spans = exportedSpans(() -> {
      try (Span outer = Llmops.generation("call").start()) {
        Llmops.generation("sdk-call").promptReference("qa-system", 4).run(() -> {});
      }
    });

    assertThat(spans).containsOnlyKeys("call");
    assertThat(spans.get("call").at("/metadata/prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(spans.get("call").at("/metadata/prompt.version").intValue()).isEqualTo(4);
  }

  @Test
  void onAnotherSpanTypeTheReferenceIsKeptAsMetadata() {
    JsonNode span = exportedSpans(() ->
        Llmops.span("step").promptReference("qa-system", 3).run(() -> {})).get("step");

    assertThat(span.at("/metadata/prompt.name").textValue()).isEqualTo("qa-system");
    assertThat(span.at("/metadata/prompt.version").intValue()).isEqualTo(3);
  }
}
