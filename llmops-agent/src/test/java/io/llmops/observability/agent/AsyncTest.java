package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AsyncTest extends AgentTest {

  private final Service service = new Service();

  @Test
  void aReturnedFutureEndsTheSpanWhenItCompletesWithItsResult() {
    CompletableFuture<String> source = new CompletableFuture<>();
    TraceManager.startTrace("async");
    CompletableFuture<String> result = service.later(source);
    assertThat(LlmopsContext.current().spanId()).as("the span is not left current").isNull();
    TraceManager.endTrace();
    assertThat(traces()).as("the trace waits for the open span").isEmpty();

    source.complete("value");
    assertThat(result.join()).isEqualTo("got value");

    JsonNode span = span("later");
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("got value");
  }

  @Test
  void aFailedFutureMarksTheSpanFailedWithTheUnwrappedCause() {
    CompletableFuture<String> source = new CompletableFuture<>();
    TraceManager.startTrace("async-failure");
    CompletableFuture<String> result = service.later(source);
    TraceManager.endTrace();
    IllegalStateException boom = new IllegalStateException("model timed out");
    source.completeExceptionally(boom);
    assertThat(result).isCompletedExceptionally();

    JsonNode span = span("later");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.IllegalStateException: model timed out");
  }

  @Test
  void theReturnedStageIsTheMethodsOwnObject() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletionStage<Integer> stage = service.stage(source);
    assertThat(stage).isSameAs(source);
    source.complete(7);

    JsonNode span = span("stage");
    assertThat(span.get("span_type").asText()).isEqualTo("tool");
    assertThat(span.at("/output_data/output").asInt()).isEqualTo(7);
  }
}
