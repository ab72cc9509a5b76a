package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.RecordingEvaluationHandler;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.spi.EvaluationRequest;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmCallTest extends AgentTest {

  private final Service service = new Service();

  @BeforeEach
  void clearEvaluations() {
    RecordingEvaluationHandler.REQUESTS.clear();
  }

  @Test
  void aGenerationRecordsTheAnnotatedModelThePromptArgumentAndAPlainStringResponse() {
    TraceManager.startTrace("llm");
    service.complete("What is Java?", 100);
    TraceManager.endTrace();

    JsonNode span = span("complete");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(span.get("model_id").asText()).isEqualTo("anthropic.claude-3-sonnet-20240229-v1:0");
    assertThat(span.toString()).contains("\"prompt\":\"What is Java?\"");
    assertThat(span.toString()).contains("\"response\":\"echo: What is Java?\"");
    assertThat(span.at("/metadata/temperature").doubleValue()).isEqualTo(0.7);
    assertThat(span.at("/input_data/kwargs/maxTokens").asInt()).isEqualTo(100);
  }

  @Test
  void withoutAModelTheConfiguredDefaultIsUsedAndAConverseShapedMapGivesTextAndUsage() {
    TraceManager.startTrace("converse");
    service.converse(0, "What is Java?");
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    JsonNode span = span(trace, "converse");
    assertThat(span.get("model_id").asText()).isEqualTo("default-model");
    assertThat(span.toString()).contains("\"prompt\":\"What is Java?\"");
    assertThat(span.toString()).contains("\"response\":\"Java is a language.\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(145);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(87);
    assertThat(trace.at("/token_usage/total_tokens").asLong()).isEqualTo(232);
    assertThat(trace.get("total_generations").asInt()).isEqualTo(1);
  }

  @Test
  void anArgumentNamedPromptWinsAndSnakeCaseUsageIsReadAndEvaluationIsHandedOff() {
    TraceManager.startTrace("snake");
    service.snake("be brief", "Summarize");
    TraceManager.endTrace();

    JsonNode span = span("snake_usage");
    assertThat(span.toString()).contains("\"prompt\":\"Summarize\"");
    assertThat(span.toString()).contains("\"response\":\"done\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(10);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(5);

    assertThat(RecordingEvaluationHandler.REQUESTS).hasSize(1);
    EvaluationRequest request = RecordingEvaluationHandler.REQUESTS.get(0);
    assertThat(request.criteria()).containsExactly("correctness");
    assertThat(request.metadata()).isEqualTo(Map.of("judge", "haiku"));
    assertThat(request.spanId()).isEqualTo(span.get("span_id").asText());
    assertThat(request.prompt()).isEqualTo("Summarize");
    assertThat(request.response()).isEqualTo("done");
    assertThat(request.model()).isEqualTo("default-model");
    assertThat(request.context().spanId()).isEqualTo(request.spanId());
    assertThat(request.context().traceId()).isEqualTo(request.traceId());
  }

  @Test
  void aSampleRateOfZeroHandsNothingToTheEvaluator() {
    service.neverSampled("p");
    assertThat(span("neverSampled").get("span_type").asText()).isEqualTo("generation");
    assertThat(RecordingEvaluationHandler.REQUESTS).isEmpty();
  }

  @Test
  void aRegisteredResponseReaderIsAskedFirst() {
    TraceManager.startTrace("custom");
    service.complete("READER:custom text", 1);
    TraceManager.endTrace();

    JsonNode span = span("complete");
    assertThat(span.toString()).contains("\"response\":\"custom text\"");
    assertThat(span.at("/usage/input_tokens").asLong()).isEqualTo(1);
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(2);
  }
}
