package io.llmops.observability.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.Scope;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A call that outlives the code that starts it: its span is current only where it is made so. */
@Timeout(60)
class DetachedExternalCallTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @Test
  void aDetachedCallIsNotCurrentUntilMadeSoAndIsAnsweredWhereverItEnds() {
    TraceManager.startTrace("generate");
    ExternalCall call = ExternalCall.to("user_service").startDetached();
    assertThat(Llmops.currentSpan().isRecording()).as("not current once started").isFalse();
    try (Scope scope = call.span().makeCurrent()) {
      assertThat(TraceHeaders.current()).isNotEmpty();
    }
    assertThat(Llmops.currentSpan().isRecording()).as("out of the context again").isFalse();
    CompletableFuture.runAsync(() -> {
      call.answered();
      call.close();
    }).join();
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("has_external_segments").asBoolean()).isTrue();
    assertThat(DecodedTraces.spansByName(trace).get("user_service")
        .at("/metadata/external.answered").asBoolean()).isTrue();
  }
}
