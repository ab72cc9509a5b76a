package io.llmops.observability.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Span;
import io.llmops.observability.SpanType;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * A runtime built with its own sink and clock records into them alone, while another runtime
 * records at the same time on another thread: nothing in the engine reaches for the installed
 * runtime.
 */
class RuntimesSideBySideTest {

  private static final long SECOND = 1_000_000L;

  @Test
  void twoRuntimesRecordInParallelEachIntoItsOwnSinkWithItsOwnClock() throws Exception {
    CollectingSink sinkA = new CollectingSink();
    CollectingSink sinkB = new CollectingSink();
    Tracer a = Tracer.create(TestConfigs.isolated().addSink(sinkA).build(), () -> 1_000_000_000L * SECOND);
    Tracer b = Tracer.create(TestConfigs.isolated().addSink(sinkB).build(), () -> 2_000_000_000L * SECOND);
    CyclicBarrier together = new CyclicBarrier(2);
    try {
      CompletableFuture<Void> runA = CompletableFuture.runAsync(() -> record(a, "a", together));
      CompletableFuture<Void> runB = CompletableFuture.runAsync(() -> record(b, "b", together));
      CompletableFuture.allOf(runA, runB).get();
      assertThat(a.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(b.flush(Duration.ofSeconds(10))).isTrue();

      assertRecordedOnly(sinkA, "a", 1_000_000_000L);
      assertRecordedOnly(sinkB, "b", 2_000_000_000L);
      assertThat(a.counters().get("spans.recorded")).isEqualTo(10);
      assertThat(b.counters().get("spans.recorded")).isEqualTo(10);
    } finally {
      a.shutdown(Duration.ofSeconds(5));
      b.shutdown(Duration.ofSeconds(5));
    }
  }

  @Test
  void aRuntimeHasItsOwnPricesAndOpenRegistries() {
    Tracer a = Tracer.create(TestConfigs.isolated().enabled(false).build(), EpochClock.SYSTEM);
    Tracer b = Tracer.create(TestConfigs.isolated().enabled(false).build(), EpochClock.SYSTEM);
    a.prices().setOverride("my-model", new io.llmops.observability.ModelPrice(1.0, 2.0, null, null));
    a.openRegistry("transactions").put("id", "open");

    assertThat(a.prices().price("my-model")).isNotNull();
    assertThat(b.prices().price("my-model")).isNull();
    assertThat(b.openRegistry("transactions")).isEmpty();
  }

  private static void record(Tracer runtime, String name, CyclicBarrier together) {
    try {
      together.await();
      for (int i = 0; i < 10; i++) {
        runtime.traceBuilder("trace-" + name).start();
        Span span = runtime.spanBuilder("span-" + name, SpanType.SPAN).start();
        span.end();
        runtime.finalizeTrace(null, null, null, null, null);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRecordedOnly(CollectingSink sink, String name, long startSeconds) {
    List<JsonNode> traces = DecodedTraces.of(sink.messages());
    assertThat(traces).hasSize(10);
    for (JsonNode trace : traces) {
      assertThat(trace.path("trace_name").asText()).isEqualTo("trace-" + name);
      assertThat(trace.path("start_time").asDouble()).isEqualTo((double) startSeconds);
      assertThat(trace.path("spans")).allSatisfy(span -> {
        assertThat(span.path("span_name").asText()).isEqualTo("span-" + name);
        assertThat(span.path("start_time").asDouble()).isEqualTo((double) startSeconds);
      });
    }
  }
}
