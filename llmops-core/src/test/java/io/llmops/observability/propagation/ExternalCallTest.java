package io.llmops.observability.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calling side: the headers a call sends, and when the trace waits for the called service. */
@Timeout(60)
class ExternalCallTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @Test
  void theHeadersNameTheTraceAndTheCallingSpanAsW3cTraceContextAndTheSdkWriteThem() {
    String traceId = TraceManager.startTrace("generate");
    Map<String, String> sent = new HashMap<>();
    String[] spanId = new String[1];
    ExternalCall.to("user_service").call(call -> {
      spanId[0] = call.span().spanId();
      call.inject(sent::put);
      return "profile";
    });
    TraceManager.endTrace();

    String digits = traceId.replace("-", "");
    String parent = spanId[0].replace("-", "").substring(0, 16);
    assertThat(sent).containsOnlyKeys("traceparent", "x-llmops-trace-id");
    assertThat(sent.get("traceparent")).isEqualTo("00-" + digits + "-" + parent + "-01")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(sent.get("x-llmops-trace-id")).isEqualTo(traceId);
  }

  @Test
  void anAnsweredCallWhoseHeadersWereSentMarksTheTraceAsHavingExternalSegments() {
    TraceManager.startTrace("generate");
    String answer = ExternalCall.to("user_service").transport("http").call(call -> {
      assertThat(call.headers()).isNotEmpty();
      return "profile of alice";
    });
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(answer).isEqualTo("profile of alice");
    assertThat(trace.get("has_external_segments").asBoolean()).isTrue();
    JsonNode call = DecodedTraces.spansByName(trace).get("user_service");
    assertThat(call.at("/metadata/external.service").asText()).isEqualTo("user_service");
    assertThat(call.at("/metadata/external.transport").asText()).isEqualTo("http");
    assertThat(call.at("/metadata/external.answered").asBoolean()).isTrue();
    assertThat(call.at("/output_data/output").asText()).isEqualTo("profile of alice");
  }

  @Test
  void aCallThatNeverReachedTheServiceLeavesTheFlagFalseAndItsExceptionReachesTheCallerUnchanged() {
    TraceManager.startTrace("generate");
    ConnectException refused = new ConnectException("Connection refused");

    assertThatThrownBy(() -> ExternalCall.to("user_service").call(call -> {
      call.headers();
      throw refused;
    })).isSameAs(refused);
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("has_external_segments").asBoolean()).isFalse();
    JsonNode call = DecodedTraces.spansByName(trace).get("user_service");
    assertThat(call.get("status").asText()).isEqualTo("error");
    assertThat(call.at("/metadata/external.answered").isMissingNode()).isTrue();
  }

  @Test
  void anAnswerToARequestSentWithoutTheHeadersExpectsNoSegment() {
    TraceManager.startTrace("generate");
    ExternalCall.to("user_service").call(call -> "answered, but nothing told it the trace");
    TraceManager.endTrace();

    assertThat(Exported.onlyTrace(sink).get("has_external_segments").asBoolean()).isFalse();
  }

  @Test
  void inTheScopeFormOnlyAnExplicitAnswerMarksTheTrace() throws IOException {
    TraceManager.startTrace("not answered");
    try (ExternalCall call = ExternalCall.to("user_service").start()) {
      call.headers();
    }
    TraceManager.endTrace();
    TraceManager.startTrace("answered");
    try (ExternalCall call = ExternalCall.to("user_service").start()) {
      TraceHeaders.inject((name, value) -> { });
      call.answered();
    }
    TraceManager.endTrace();

    Map<String, JsonNode> traces = new HashMap<>();
    DecodedTraces.of(Exported.flushed(sink)).forEach(t -> traces.put(t.get("trace_name").asText(), t));
    assertThat(traces.get("not answered").get("has_external_segments").asBoolean()).isFalse();
    assertThat(traces.get("answered").get("has_external_segments").asBoolean()).isTrue();
  }

  @Test
  void withoutARecordingSpanThereAreNoHeadersToSend() {
    assertThat(TraceHeaders.current()).isEmpty();
    Map<String, String> sent = new HashMap<>();
    TraceHeaders.inject(sent::put);
    assertThat(sent).isEmpty();
    assertThat(Llmops.currentSpan().isRecording()).isFalse();
  }

  @Test
  void badArgumentsAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> ExternalCall.to(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceName");
    assertThatThrownBy(() -> ExternalCall.to("s").transport(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport");
    assertThatThrownBy(() -> ExternalCall.to("s").call(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    assertThatThrownBy(() -> TraceHeaders.inject(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("setter");
    assertThatThrownBy(() -> TraceHeaders.read((Map<String, ?>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headers");
  }
}
