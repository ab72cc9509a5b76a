package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.SchemaValidator;
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

  @Test
  void aRootSpanWhoseFutureNeverCompletesIsSentOpenOnceTheGraceHasPassed() {
    configureFinalizeGrace("0.2");
    CompletableFuture<String> never = new CompletableFuture<>();
    CompletableFuture<String> result = service.later(never);

    awaitTraces(1);
    JsonNode trace = onlyTrace();
    assertThat(SchemaValidator.validateTrace(trace)).isEmpty();
    assertThat(trace.at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
    JsonNode span = span(trace, "later");
    assertThat(span.at("/metadata/llmops.open").asBoolean()).as("marked open").isTrue();
    assertThat(span.at("/input_data/kwargs").has("source")).as("its data so far").isTrue();
    assertThat(span.at("/output_data/output").isMissingNode() || span.at("/output_data/output").isNull())
        .isTrue();
    assertThat(Llmops.stats().get("traces.sent_with_open_spans")).isEqualTo(1);

    never.complete("late");
    assertThat(result.join()).isEqualTo("got late");
    assertThat(Llmops.stats().get("spans.late")).as("its end is late").isEqualTo(1);
    assertThat(traces()).as("not exported twice").hasSize(1);
  }

  @Test
  void aRootSpanWhoseStageNeverCompletesIsSentOpenOnceTheGraceHasPassed() {
    configureFinalizeGrace("0.2");
    CompletionStage<Integer> stage = service.stage(new CompletableFuture<>());

    awaitTraces(1);
    JsonNode span = span(onlyTrace(), "stage");
    assertThat(span.get("span_type").asText()).isEqualTo("tool");
    assertThat(span.at("/metadata/llmops.open").asBoolean()).isTrue();
    assertThat(stage.toCompletableFuture()).isNotDone();
  }

  @Test
  void aPendingSpanUnderAnEndedTraceIsSentWithItsDataOnceTheGraceHasPassed() {
    configureFinalizeGrace("0.2");
    TraceManager.startTrace("pending-child");
    service.later(new CompletableFuture<>());
    service.plain("done", 1);
    TraceManager.endTrace();

    awaitTraces(1);
    JsonNode trace = onlyTrace();
    assertThat(trace.at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
    assertThat(span(trace, "plain").at("/metadata").has("llmops.open")).isFalse();
    assertThat(span(trace, "later").at("/metadata/llmops.open").asBoolean()).isTrue();
  }
}
