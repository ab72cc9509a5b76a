package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A trace that never ends cannot grow without bound. */
class SpanLimitTest {

  private final CollectingSink sink = new CollectingSink();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void spansBeyondTheLimitOfATraceAreDroppedAndCounted() {
    Llmops.configure(TestConfigs.isolated().set("LLMOPS_MAX_SPANS_PER_TRACE", "3").addSink(sink).build());

    TraceManager.startTrace("bounded");
    for (int i = 0; i < 5; i++) {
      Llmops.span("step_" + i).run(() -> { });
    }
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    assertThat(trace.get("total_spans").asInt()).isEqualTo(3);
    assertThat(Llmops.stats().get("dropped.span_limit")).isEqualTo(2);
    assertThat(Llmops.stats().spansRecorded()).isEqualTo(3);
  }
}
