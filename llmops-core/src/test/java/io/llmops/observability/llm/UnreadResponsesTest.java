package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.openai.models.StandInChatCompletion;

/**
 * A typed response the SDK cannot read is not passed over in silence: the log says once which
 * module reads it, and the span says it was not understood.
 */
class UnreadResponsesTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** A response type of no well-known SDK. */
  record Answer(String text) {}

  @Test
  void aTypedSdkResponseWithoutTheProvidersModuleNamesTheModuleAndMarksTheSpan() {
    try (CapturedLog log = CapturedLog.open()) {
      TraceManager.startTrace("rag");
      try (Span span = Llmops.generation("answer").start()) {
        span.recordLlmResponse(new StandInChatCompletion());
        span.recordLlmResponse(new StandInChatCompletion());
      }
      TraceManager.endTrace();

      assertThat(log.text()).contains(StandInChatCompletion.class.getName())
          .contains("add io.llmops:llmops-llm-providers");
      assertThat(log.text().split("could not be read", -1)).hasSize(2); // logged once
    }
    JsonNode span = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("unread");
    assertThat(span.get("usage").isNull()).isTrue();
    assertThat(Llmops.stats().get("llm.responses_incomplete.unread")).isEqualTo(2);
  }

  @Test
  void aResponseOfAnUnknownTypeSaysHowToHandItIn() {
    try (CapturedLog log = CapturedLog.open()) {
      TraceManager.startTrace("rag");
      try (Span span = Llmops.generation("answer").start()) {
        span.recordLlmResponse(new Answer("hi"));
      }
      TraceManager.endTrace();

      assertThat(log.text()).contains(Answer.class.getName()).contains("LlmResponseReader")
          .doesNotContain("llmops-llm-providers");
    }
    JsonNode span = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(span.at("/metadata/llm.response_incomplete").asText()).isEqualTo("unread");
  }

  @Test
  void aReadableResponseIsNotMarked() {
    TraceManager.startTrace("rag");
    try (Span span = Llmops.generation("answer").start()) {
      span.recordLlmResponse("{\"usage\":{\"inputTokens\":3,\"outputTokens\":1}}");
    }
    TraceManager.endTrace();

    JsonNode span = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(span.at("/metadata/llm.response_incomplete").isMissingNode()).isTrue();
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(3);
  }
}
