package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.testing.TracingHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A builder rejects an invalid argument with IllegalArgumentException naming it, at once. */
class SpanBuilderContractTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  @Test
  void callOrRunWithoutABodyIsRejectedNamingItBeforeAnySpanStarts() {
    TraceManager.startTrace("builder");
    assertThatThrownBy(() -> Llmops.span("s").call(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    assertThatThrownBy(() -> Llmops.span("s").run(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    assertThat(Llmops.currentSpan().isRecording()).isFalse();
    TraceManager.endTrace();
    assertThat(Llmops.stats().spansRecorded()).isZero();
  }

  @Test
  void aNullNameOrKeyIsRejectedByTheBuilderAsTheSpanIgnoresIt() {
    assertThatThrownBy(() -> Llmops.span("s").input(null, "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("input");
    assertThatThrownBy(() -> Llmops.span("s").metadata(null, "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
    assertThatThrownBy(() -> Llmops.span("s").metadata(java.util.Collections.singletonMap(null, "v")))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
    assertThatThrownBy(() -> Llmops.span("s").tag(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
  }
}
