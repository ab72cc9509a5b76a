package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.ReactiveService;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ReactorTest extends AgentTest {

  private final ReactiveService service = new ReactiveService();

  @Test
  void aMonoEndsTheSpanAtItsValueNotWhenTheMethodReturns() {
    TraceManager.startTrace("reactive");
    Mono<String> mono = service.lookup("k");
    TraceManager.endTrace();
    assertThat(traces()).as("nothing has been subscribed yet: the span is still open").isEmpty();

    assertThat(mono.block()).isEqualTo("value of k");

    JsonNode span = span("lookup");
    assertThat(span.get("span_type").asText()).isEqualTo("tool");
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("value of k");
  }

  @Test
  void aFailingMonoMarksTheSpanFailedAndTheSubscriberSeesTheSameError() {
    TraceManager.startTrace("reactive-failure");
    Mono<String> mono = service.failingLookup("k");
    TraceManager.endTrace();

    assertThatThrownBy(mono::block).isInstanceOf(IllegalStateException.class).hasMessage("no k");

    JsonNode span = span("failing_lookup");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("error").asText()).isEqualTo("java.lang.IllegalStateException: no k");
  }

  @Test
  void aFluxEndsTheSpanWhenItCompletesAndCountsItsElements() {
    TraceManager.startTrace("reactive-flux");
    List<Integer> values = service.stream(3).collectList().block();
    TraceManager.endTrace();

    assertThat(values).containsExactly(1, 2, 3);
    assertThat(span("stream").at("/output_data/output").asText()).isEqualTo("3 elements");
  }

  @Test
  void aCancelledFluxStillEndsItsSpan() {
    TraceManager.startTrace("reactive-cancel");
    List<Integer> firstTwo = service.stream(1_000).take(2).collectList().block();
    TraceManager.endTrace();

    assertThat(firstTwo).containsExactly(1, 2);
    assertThat(span("stream").at("/metadata/reactive.cancelled").asBoolean()).isTrue();
  }

  @Test
  void aRootSpanWhoseMonoNeverTerminatesIsSentOpenOnceTheGraceHasPassed() {
    configureFinalizeGrace("0.2");
    service.never("k").subscribe();

    awaitTraces(1);
    JsonNode trace = onlyTrace();
    assertThat(trace.at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
    assertThat(span(trace, "never").at("/metadata/llmops.open").asBoolean()).isTrue();
  }
}
