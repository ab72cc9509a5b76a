package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureLocalsTest extends AgentTest {

  private final Service service = new Service();

  @Test
  void allLocalsAreRecordedAsTheyAreWhenTheMethodReturns() {
    TraceManager.startTrace("locals");
    service.payment(100.0, "USD");
    TraceManager.endTrace();

    JsonNode locals = span("payment").at("/input_data/locals");
    assertThat(locals.get("userId").asText()).isEqualTo("user_123");
    assertThat(locals.get("tax").asDouble()).isEqualTo(10.0);
    assertThat(locals.get("total").asDouble()).isEqualTo(110.0);
    assertThat(locals.get("cents").asLong()).isEqualTo(11000);
    assertThat(locals.get("amount").asDouble()).isEqualTo(100.0);
    assertThat(locals.get("currency").asText()).isEqualTo("USD");
    assertThat(locals.has("this")).isFalse();
  }

  @Test
  void onlyTheNamedLocalsAreRecorded() {
    TraceManager.startTrace("named");
    assertThat(service.pipeline(List.of("a", "", "b"))).isEqualTo(2);
    TraceManager.endTrace();

    JsonNode locals = span("pipeline").at("/input_data/locals");
    assertThat(locals.get("processedCount").asInt()).isEqualTo(2);
    assertThat(locals.get("errors").get(0).asText()).isEqualTo("empty item");
    assertThat(locals.size()).isEqualTo(2);
  }

  @Test
  void localsAreRecordedAtAThrowAndTheExceptionIsUnchanged() {
    TraceManager.startTrace("throw");
    assertThatThrownBy(() -> service.failsWithLocals(3))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("failed with E42");
    TraceManager.endTrace();

    JsonNode span = span("failsWithLocals");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.at("/input_data/locals/errorCode").asText()).isEqualTo("E42");
    assertThat(span.at("/input_data/locals/attempts").asInt()).isEqualTo(3);
  }

  @Test
  void withoutCaptureLocalsNoLocalsAreRecorded() {
    TraceManager.startTrace("none");
    service.plain("q", 1);
    TraceManager.endTrace();

    assertThat(span("plain").at("/input_data/locals").size()).isZero();
  }
}
