package io.llmops.observability.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Span;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.TracingHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The called side: work done for a caller is recorded as a child segment of the caller's trace,
 * which the processor attaches under the calling span.
 */
@Timeout(60)
class ChildSegmentTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** The called service, on a thread of its own: it sees only the headers. */
  private static String profileService(Map<String, String> headers) {
    return CompletableFuture.supplyAsync(() -> {
      TraceManager.newTrace("get_profile").remoteParent(TraceHeaders.read(headers)).start();
      String profile = Llmops.span("load_profile").call(() -> "alice, premium");
      TraceManager.finalizeAndSend(Map.of("user", "alice"), profile);
      return profile;
    }).join();
  }

  @Test
  void theCalledServicesWorkIsAChildSegmentUnderTheCallingSpan() {
    String traceId = TraceManager.startTrace("generate");
    String[] callingSpan = new String[1];
    ExternalCall.to("user_service").call(call -> {
      callingSpan[0] = call.span().spanId();
      return profileService(call.headers());
    });
    TraceManager.endTrace();

    Map<String, JsonNode> byName = new HashMap<>();
    DecodedTraces.of(Exported.flushed(sink)).forEach(t -> byName.put(t.get("trace_name").asText(), t));
    JsonNode parent = byName.get("generate");
    JsonNode child = byName.get("get_profile");
    assertThat(child.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    assertThat(child.get("segment_id").asText()).isNotBlank().isNotEqualTo(traceId);
    assertThat(child.get("has_external_segments").asBoolean()).isFalse();
    assertThat(parent.get("is_child_segment").asBoolean()).isFalse();
    assertThat(parent.get("has_external_segments").asBoolean()).isTrue();

    JsonNode root = DecodedTraces.spansByName(child).get("load_profile");
    assertThat(DecodedTraces.parentOf(root))
        .isEqualTo(callingSpan[0].replace("-", "").substring(0, 16));
    assertThat(Llmops.stats().get("traces.resumed")).isEqualTo(1);
    Exported.flushed(sink).forEach(m ->
        assertThat(SchemaValidator.validateBody(m.body())).isEmpty());
  }

  @Test
  void spansNestedInTheChildSegmentKeepTheirOwnParents() {
    TraceManager.newTrace("get_profile").remoteParent(
        new RemoteParent("4bf92f35-77b3-4da6-a3ce-929d0e0e4736", "00f067aa0ba902b7", true, true))
        .start();
    try (Span outer = Llmops.span("outer").start()) {
      Llmops.span("inner").run(() -> { });
    }
    TraceManager.endTrace();

    JsonNode child = Exported.onlyTrace(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(child);
    assertThat(DecodedTraces.parentOf(spans.get("outer"))).isEqualTo("00f067aa0ba902b7");
    assertThat(DecodedTraces.parentOf(spans.get("inner")))
        .isEqualTo(spans.get("outer").get("span_id").asText());
  }

  @Test
  void aCallerThatOnlySentATraceparentGetsAnOrdinaryTraceWithItsW3cTraceId() {
    RemoteParent otelCaller = TraceHeaders.read(
        Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    String traceId = TraceManager.newTrace("handle").remoteParent(otelCaller).start();
    Llmops.span("work").run(() -> { });
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(traceId).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
    assertThat(trace.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(trace.get("is_child_segment").asBoolean()).isFalse();
    assertThat(trace.at("/metadata/llmops.remote_parent_span_id").asText())
        .isEqualTo("00f067aa0ba902b7");
    assertThat(DecodedTraces.parentOf(DecodedTraces.spansByName(trace).get("work"))).isNull();
  }

  @Test
  void withoutValidHeadersTheRequestIsAnOrdinaryTraceOfItsOwn() {
    String traceId = TraceManager.newTrace("handle")
        .remoteParent(TraceHeaders.read(Map.of("traceparent", "not a traceparent"))).start();
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(trace.get("is_child_segment").asBoolean()).isFalse();
    assertThat(trace.at("/metadata/llmops.remote_parent_span_id").isMissingNode()).isTrue();
    assertThat(List.of(trace.get("trace_id").asText())).doesNotContain("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
  }
}
