package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContextPropagationTest {

  private final CollectingSink sink = new CollectingSink();
  private ExecutorService pool;

  @BeforeEach
  void configure() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void shutdown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private Map<String, JsonNode> deliveredTraces(int expected) {
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(expected);
    return DecodedTraces.byTraceId(sink.messages());
  }

  private Map<String, JsonNode> spansOfOnlyTrace(String traceId) {
    Map<String, JsonNode> traces = deliveredTraces(1);
    assertThat(traces).containsKey(traceId);
    return spansByName(traces.get(traceId));
  }

  private static String spanId(Map<String, JsonNode> spans, String name) {
    return spans.get(name).get("span_id").asText();
  }

  @Test
  void aWrappedRunnableNestsItsSpansUnderTheSubmittingSpan() throws Exception {
    String traceId = TraceManager.startTrace("runnable");
    AtomicReference<String> seenTraceId = new AtomicReference<>();
    try (Span parent = Llmops.span("parent").start()) {
      Future<?> done = pool.submit(LlmopsContext.current().wrap(() -> {
        seenTraceId.set(TraceManager.currentTraceId());
        try (Span child = Llmops.span("child").start()) {
          child.setOutput("done on another thread");
        }
      }));
      done.get(5, TimeUnit.SECONDS);
    }
    TraceManager.endTrace();

    assertThat(seenTraceId.get()).isEqualTo(traceId);
    Map<String, JsonNode> spans = spansOfOnlyTrace(traceId);
    assertThat(parentOf(spans.get("child"))).isEqualTo(spanId(spans, "parent"));
  }

  @Test
  void aWrappedCallableNestsItsSpansUnderTheSubmittingSpanAndReturnsItsValue() throws Exception {
    String traceId = TraceManager.startTrace("callable");
    String result;
    try (Span parent = Llmops.span("parent").start()) {
      Callable<String> task = () -> Llmops.tool("child").call(() -> "value");
      result = pool.submit(LlmopsContext.current().wrap(task)).get(5, TimeUnit.SECONDS);
    }
    TraceManager.endTrace();

    assertThat(result).isEqualTo("value");
    Map<String, JsonNode> spans = spansOfOnlyTrace(traceId);
    assertThat(parentOf(spans.get("child"))).isEqualTo(spanId(spans, "parent"));
    assertThat(spans.get("child").at("/output_data/output").asText()).isEqualTo("value");
  }

  @Test
  void aWrappedExecutorCarriesTheContextCapturedWhenItWasWrapped() throws Exception {
    String traceId = TraceManager.startTrace("executor");
    CountDownLatch ran = new CountDownLatch(2);
    try (Span parent = Llmops.span("parent").start()) {
      Executor traced = LlmopsContext.current().wrap((Executor) pool);
      traced.execute(() -> {
        Llmops.span("first").run(() -> { });
        ran.countDown();
      });
      traced.execute(() -> {
        Llmops.span("second").run(() -> { });
        ran.countDown();
      });
      assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
    TraceManager.endTrace();

    Map<String, JsonNode> spans = spansOfOnlyTrace(traceId);
    assertThat(parentOf(spans.get("first"))).isEqualTo(spanId(spans, "parent"));
    assertThat(parentOf(spans.get("second"))).isEqualTo(spanId(spans, "parent"));
  }

  @Test
  void aWrappedExecutorServiceCarriesTheContextThroughSubmitAndInvokeAll() throws Exception {
    String traceId = TraceManager.startTrace("executor-service");
    try (Span parent = Llmops.agent("parent").start()) {
      ExecutorService traced = LlmopsContext.current().wrap(pool);
      Future<?> submitted = traced.submit(() -> Llmops.span("submitted-runnable").run(() -> { }));
      Future<String> called = traced.submit(() -> Llmops.span("submitted-callable").call(() -> "c"));
      List<Future<String>> all = traced.invokeAll(List.of(
          () -> Llmops.tool("invoked-1").call(() -> "1"),
          () -> Llmops.tool("invoked-2").call(() -> "2")));
      submitted.get(5, TimeUnit.SECONDS);
      assertThat(called.get(5, TimeUnit.SECONDS)).isEqualTo("c");
      for (Future<String> future : all) {
        assertThat(future.get(5, TimeUnit.SECONDS)).isIn("1", "2");
      }
    }
    TraceManager.endTrace();

    Map<String, JsonNode> spans = spansOfOnlyTrace(traceId);
    assertThat(spans.keySet()).containsExactlyInAnyOrder(
        "parent", "submitted-runnable", "submitted-callable", "invoked-1", "invoked-2");
    String parentId = spanId(spans, "parent");
    for (String name : List.of("submitted-runnable", "submitted-callable", "invoked-1", "invoked-2")) {
      assertThat(parentOf(spans.get(name))).as("parent of %s", name).isEqualTo(parentId);
    }
  }

  @Test
  void withoutWrapASpanOnAPoolThreadDoesNotJoinTheTraceButBecomesItsOwnImplicitTrace()
      throws Exception {
    String traceId = TraceManager.startTrace("submitting");
    AtomicReference<String> poolTraceId = new AtomicReference<>();
    try (Span parent = Llmops.span("parent").start()) {
      CompletableFuture.runAsync(() -> {
        try (Span orphan = Llmops.span("unwrapped").start()) {
          poolTraceId.set(orphan.traceId());
        }
      }, pool).get(5, TimeUnit.SECONDS);
    }
    TraceManager.endTrace();

    Map<String, JsonNode> traces = deliveredTraces(2);
    assertThat(poolTraceId.get()).isNotEqualTo(traceId);
    assertThat(spansByName(traces.get(traceId)).keySet()).containsExactly("parent");
    JsonNode implicit = traces.get(poolTraceId.get());
    assertThat(implicit.get("trace_name").asText()).isEqualTo("unwrapped");
    assertThat(parentOf(spansByName(implicit).get("unwrapped"))).isNull();
  }

  @Test
  void theWrappedTaskLeavesThePoolThreadAsItFoundIt() throws Exception {
    TraceManager.startTrace("leaves-no-trace");
    try (Span parent = Llmops.span("parent").start()) {
      ExecutorService single = Executors.newSingleThreadExecutor();
      try {
        single.submit(LlmopsContext.current().wrap(() -> Llmops.span("child").run(() -> { })))
            .get(5, TimeUnit.SECONDS);
        String afterwards = single.submit(TraceManager::currentTraceId).get(5, TimeUnit.SECONDS);
        assertThat(afterwards).isNull();
      } finally {
        single.shutdownNow();
      }
    }
    TraceManager.endTrace();
    deliveredTraces(1);
  }

  @Test
  void closingAScopeRestoresThePreviousContext() {
    String outerTrace = TraceManager.startTrace("outer");
    try (Span outer = Llmops.span("outer").start()) {
      LlmopsContext captured = LlmopsContext.current();
      try (Span inner = Llmops.span("inner").start()) {
        assertThat(LlmopsContext.current().spanId()).isEqualTo(inner.spanId());
        try (Scope ignored = captured.makeCurrent()) {
          assertThat(LlmopsContext.current().spanId()).isEqualTo(outer.spanId());
          assertThat(Llmops.currentSpan().spanId()).isEqualTo(outer.spanId());
        }
        assertThat(LlmopsContext.current().spanId()).isEqualTo(inner.spanId());
        try (Scope ignored = outer.makeCurrent()) {
          assertThat(Llmops.currentSpan()).isSameAs(outer);
        }
        assertThat(Llmops.currentSpan()).isSameAs(inner);
      }
      assertThat(Llmops.currentSpan()).isSameAs(outer);
    }
    assertThat(LlmopsContext.current().traceId()).isEqualTo(outerTrace);
    assertThat(LlmopsContext.current().spanId()).isNull();
    assertThat(Llmops.currentSpan().isRecording()).isFalse();
    TraceManager.endTrace();
    deliveredTraces(1);
  }

  @Test
  void theEmptyContextHasNoTraceAndASpanStartedInItStartsItsOwnTrace() {
    assertThat(LlmopsContext.empty().traceId()).isNull();
    assertThat(LlmopsContext.empty().spanId()).isNull();

    String traceId = TraceManager.startTrace("outer");
    String isolatedTraceId;
    try (Scope ignored = LlmopsContext.empty().makeCurrent()) {
      assertThat(TraceManager.currentTraceId()).isNull();
      try (Span isolated = Llmops.span("isolated").start()) {
        isolatedTraceId = isolated.traceId();
      }
    }
    assertThat(TraceManager.currentTraceId()).isEqualTo(traceId);
    TraceManager.endTrace();

    Map<String, JsonNode> traces = deliveredTraces(2);
    assertThat(isolatedTraceId).isNotEqualTo(traceId);
    assertThat(traces.get(isolatedTraceId).get("trace_name").asText()).isEqualTo("isolated");
    assertThat(traces.get(traceId).get("spans")).isEmpty();
  }

  @Test
  void anExplicitParentContextIsUsedInsteadOfTheCurrentOne() throws Exception {
    String traceId = TraceManager.startTrace("explicit-parent");
    try (Span parent = Llmops.span("parent").start()) {
      LlmopsContext context = LlmopsContext.current();
      pool.submit(() -> Llmops.span("adopted").parent(context).startDetached().end())
          .get(5, TimeUnit.SECONDS);
    }
    TraceManager.endTrace();

    Map<String, JsonNode> spans = spansOfOnlyTrace(traceId);
    assertThat(parentOf(spans.get("adopted"))).isEqualTo(spanId(spans, "parent"));
  }
}
