package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages this SDK really sends decode to what it wrote. */
@Timeout(60)
class SdkMessagesTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final MessageDecoder decoder = new MessageDecoder(DecodeLimits.defaults());

  @Test
  void aTraceOfTheSdkDecodesWithItsIdAndSpans() {
    String traceId = TraceManager.startTrace("answer");
    Llmops.span("retrieve").call(() -> "docs");
    TraceManager.finalizeAndSend("question", "answer");

    TraceMessage message = Exported.flushed(tracing.sink()).get(0);
    DecodeResult result = decoder.decode(message.body());

    assertThat(result.decoded()).as("%s", result.rejection()).isTrue();
    assertThat(result.trace().traceId()).isEqualTo(traceId);
    assertThat(result.trace().trace().get("spans")).hasSize(1);
    assertThat(result.trace().trace().get("idempotency_key").asText())
        .isEqualTo(message.idempotencyKey());
  }

  @Test
  void aCallerAndItsCalledServiceDecodeAsAParentAndAChildSegment() {
    String traceId = TraceManager.startTrace("generate");
    ExternalCall.to("user_service").call(call -> CompletableFuture.supplyAsync(() -> {
      TraceManager.newTrace("get_profile").remoteParent(TraceHeaders.read(call.headers())).start();
      Llmops.span("get_profile").call(() -> "alice");
      TraceManager.finalizeAndSend(null, "profile");
      return "profile";
    }).join());
    TraceManager.endTrace();

    List<DecodedTrace> decoded = Exported.flushed(tracing.sink()).stream()
        .map(m -> decoder.decode(m.body()).trace()).toList();

    DecodedTrace child = decoded.stream().filter(DecodedTrace::childSegment).findFirst().orElseThrow();
    DecodedTrace parent = decoded.stream().filter(t -> !t.childSegment()).findFirst().orElseThrow();
    assertThat(parent.traceId()).isEqualTo(traceId);
    assertThat(parent.hasExternalSegments()).isTrue();
    assertThat(child.traceId()).isEqualTo(traceId);
    assertThat(child.segmentId()).isNotBlank();
    assertThat(parent.segmentId()).isNull();

    JsonNode merged = TraceMerger.merge(parent, List.of(child)).trace();
    JsonNode callingSpan = spanNamed(merged, "user_service");
    assertThat(spanNamed(merged, "get_profile").get("parent_span_id").asText())
        .isEqualTo(callingSpan.get("span_id").asText());
    assertThat(merged.get("total_spans").asInt()).isEqualTo(2);
  }

  private static JsonNode spanNamed(JsonNode trace, String name) {
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().contains(name)) {
        return span;
      }
    }
    throw new AssertionError("no span named " + name + " in " + trace.get("spans"));
  }
}
