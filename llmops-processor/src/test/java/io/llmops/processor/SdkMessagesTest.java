package io.llmops.processor;

import static org.assertj.core.api.Assertions.assertThat;

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
  }
}
