package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many traces at once on a shared pool, with work handed to a second pool: every trace must come
 * out whole, with exactly its own spans and the right parents.
 */
class ConcurrencyIsolationTest {

  private static final int TRACES = 1_000;
  private static final int THREADS = 32;
  private static final List<String> SPAN_NAMES =
      List.of("root", "plan", "call_llm", "retrieve", "rank", "notify");

  private final CollectingSink sink = new CollectingSink();
  private ExecutorService workers;
  private ExecutorService helpers;

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated()
        .set("LLMOPS_EXPORT_QUEUE_CAPACITY", "20000")
        .addSink(sink)
        .build());
    workers = Executors.newFixedThreadPool(THREADS);
    helpers = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void shutdown() throws InterruptedException {
    workers.shutdownNow();
    helpers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
    helpers.awaitTermination(10, TimeUnit.SECONDS);
    Llmops.shutdown(Duration.ofSeconds(10));
  }

  @Test
  void aThousandConcurrentTracesEachContainExactlyTheirOwnSpansWithCorrectParents()
      throws Exception {
    Map<String, Integer> traceIdToIndex = new ConcurrentHashMap<>();
    CountDownLatch allStarted = new CountDownLatch(THREADS);
    List<Future<?>> done = new ArrayList<>(TRACES);
    for (int i = 0; i < TRACES; i++) {
      int index = i;
      done.add(workers.submit(() -> {
        allStarted.countDown();
        allStarted.await(); // let the first tasks of every thread overlap
        String traceId = runOneTrace(index);
        traceIdToIndex.put(traceId, index);
        return null;
      }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }

    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();
    assertThat(sink.messages()).hasSize(TRACES);
    Map<String, JsonNode> traces = DecodedTraces.byTraceId(sink.messages());
    assertThat(traces.keySet()).isEqualTo(traceIdToIndex.keySet());

    Set<String> allSpanIds = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : traces.entrySet()) {
      int index = traceIdToIndex.get(entry.getKey());
      JsonNode trace = entry.getValue();
      String marker = marker(index);
      assertThat(trace.get("trace_name").asText()).isEqualTo("concurrent-" + index);
      assertThat(trace.at("/metadata/marker").asText()).isEqualTo(marker);
      assertThat(trace.at("/trace_output/marker").asText()).isEqualTo(marker);
      assertThat(trace.at("/metadata/llmops.open_spans").isMissingNode()).isTrue();

      Map<String, JsonNode> spans = spansByName(trace);
      assertThat(spans.keySet()).containsExactlyInAnyOrderElementsOf(SPAN_NAMES);
      assertThat(trace.get("total_spans").asInt()).isEqualTo(SPAN_NAMES.size());
      for (JsonNode span : spans.values()) {
        assertThat(span.at("/input_data/kwargs/marker").asText())
            .as("marker of span %s in trace %s", span.get("span_name"), index)
            .isEqualTo(marker);
        assertThat(allSpanIds.add(span.get("span_id").asText()))
            .as("span id %s is unique across traces", span.get("span_id"))
            .isTrue();
      }
      String root = id(spans, "root");
      assertThat(parentOf(spans.get("root"))).isNull();
      assertThat(parentOf(spans.get("plan"))).isEqualTo(root);
      assertThat(parentOf(spans.get("call_llm"))).isEqualTo(id(spans, "plan"));
      assertThat(parentOf(spans.get("retrieve"))).isEqualTo(root);
      assertThat(parentOf(spans.get("rank"))).isEqualTo(id(spans, "retrieve"));
      assertThat(parentOf(spans.get("notify"))).isEqualTo(root);
    }
    assertThat(allSpanIds).hasSize(TRACES * SPAN_NAMES.size());

    LlmopsStats stats = Llmops.stats();
    assertThat(stats.dropped()).as("dropped, in %s", stats).isZero();
    assertThat(stats.tracesStarted()).isEqualTo(TRACES);
    assertThat(stats.tracesFinalized()).isEqualTo(TRACES);
    assertThat(stats.spansRecorded()).isEqualTo((long) TRACES * SPAN_NAMES.size());
    assertThat(stats.get("spans.late")).isZero();
    assertThat(stats.get("traces.replaced")).isZero();
    assertThat(stats.get("internal.errors")).isZero();
    assertThat(stats.get("handed_off.collecting")).isEqualTo(TRACES);
  }

  /** One request: nested spans here, more on the helper pool, then finalize. */
  private String runOneTrace(int index) throws Exception {
    String marker = marker(index);
    String traceId = TraceManager.newTrace("concurrent-" + index).metadata("marker", marker).start();
    try (Span root = Llmops.agent("root").input("marker", marker).start()) {
      try (Span plan = Llmops.span("plan").input("marker", marker).start()) {
        Llmops.generation("call_llm").input("marker", marker)
            .call(() -> "answer-" + index);
      }
      Future<String> retrieved = helpers.submit(LlmopsContext.current().wrap(() ->
          Llmops.tool("retrieve").input("marker", marker).call(() ->
              Llmops.span("rank").input("marker", marker).call(() -> "docs-" + index))));
      CountDownLatch notified = new CountDownLatch(1);
      LlmopsContext.current().wrap((java.util.concurrent.Executor) helpers).execute(() -> {
        try {
          Llmops.tool("notify").input("marker", marker).run(() -> { });
        } finally {
          notified.countDown();
        }
      });
      root.setOutput(retrieved.get(30, TimeUnit.SECONDS));
      assertThat(notified.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(TraceManager.currentTraceId()).isEqualTo(traceId);
    assertThat(TraceManager.finalizeAndSend(Map.of("marker", marker), Map.of("marker", marker)))
        .isTrue();
    assertThat(TraceManager.currentTraceId()).isNull();
    return traceId;
  }

  private static String marker(int index) {
    return "trace-marker-" + index;
  }

  private static String id(Map<String, JsonNode> spans, String name) {
    return spans.get(name).get("span_id").asText();
  }
}
