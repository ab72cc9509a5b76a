package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code TraceManager.finalizeTrace()}: the specification's keyword form of finalize_and_send. */
class TraceEndingTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @Test
  void everyKeywordOfTheSpecificationSetsItsTraceField() {
    TraceManager.startTrace("chat_session");

    boolean sent = TraceManager.finalizeTrace()
        .userId("user_123").sessionId("session_456").name("chat_message")
        .input(Map.of("user_msg", "What is machine learning?"))
        .output(Map.of("bot_response", "A field of AI."))
        .send();

    assertThat(sent).isTrue();
    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("user_id").asText()).isEqualTo("user_123");
    assertThat(trace.get("session_id").asText()).isEqualTo("session_456");
    assertThat(trace.get("trace_name").asText()).isEqualTo("chat_message");
    assertThat(trace.at("/trace_input/user_msg").asText()).isEqualTo("What is machine learning?");
    assertThat(trace.at("/trace_output/bot_response").asText()).isEqualTo("A field of AI.");
  }

  @Test
  void aFieldLeftUnsetOrNullKeepsWhatTheTraceStartedWith() {
    TraceManager.newTrace("original").userId("u1").sessionId("s1").start();

    TraceManager.finalizeTrace().userId(null).name(null).send();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("trace_name").asText()).isEqualTo("original");
    assertThat(trace.get("user_id").asText()).isEqualTo("u1");
    assertThat(trace.get("session_id").asText()).isEqualTo("s1");
  }

  @Test
  void aBlankNameIsRejectedNamingItAndTheTraceStaysActive() {
    String id = TraceManager.startTrace("kept");

    assertThatThrownBy(() -> TraceManager.finalizeTrace().name("  "))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThat(TraceManager.currentTraceId()).isEqualTo(id);
    TraceManager.endTrace();
  }

  @Test
  void sendingWithoutAnActiveTraceDoesNothingAndSaysSo() {
    TraceManager.startTrace("once");
    TraceEnding ending = TraceManager.finalizeTrace().output("done");

    assertThat(ending.send()).isTrue();
    assertThat(ending.send()).isFalse();
    assertThat(Exported.onlyTrace(sink).get("trace_name").asText()).isEqualTo("once");
  }
}
