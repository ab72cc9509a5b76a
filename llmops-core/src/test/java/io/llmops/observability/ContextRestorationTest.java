package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.OwnThreadPerTest;
import io.llmops.observability.testing.TracingHarness;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The context of a thread is restored exactly, whatever order spans, scopes and traces are
 * closed in, and whichever thread closes them.
 */
@ExtendWith(OwnThreadPerTest.class)
class ContextRestorationTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();

  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopOtherThread() throws InterruptedException {
    other.shutdownNow();
    other.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Map<String, JsonNode> delivered(int expected) {
    assertThat(Exported.flushed(tracing.sink())).hasSize(expected);
    return DecodedTraces.byTraceId(tracing.sink().messages());
  }

  private static void assertContextIsEmpty() {
    assertThat(LlmopsContext.current().traceId()).as("current trace").isNull();
    assertThat(LlmopsContext.current().spanId()).as("current span").isNull();
  }

  /**
   * No span is current: a span started now is a root of {@code traceId}. Then finalizes that
   * trace, and checks the thread is left empty and {@code messages} traces were delivered.
   */
  private void assertTheNextSpanIsARootOfTheTraceAndEndsIt(String traceId, int messages) {
    assertThat(LlmopsContext.current().spanId()).as("span still current").isNull();
    Llmops.span("after").run(() -> { });
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();
    assertThat(parentOf(spansByName(delivered(messages).get(traceId)).get("after"))).isNull();
  }

  private void onOtherThread(Runnable task) throws Exception {
    other.submit(task).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aTraceStartedWhileASpanOfAnEarlierTraceIsOpenSurvivesThatSpanClosing() {
    String first = TraceManager.startTrace("first");
    Span a = Llmops.span("a").start();
    String second = TraceManager.startTrace("second");
    Llmops.span("before-a-closes").run(() -> { });
    a.close();
    assertThat(TraceManager.currentTraceId()).isEqualTo(second);
    Llmops.span("after-a-closed").run(() -> { });
    assertThat(TraceManager.finalizeAndSend()).isTrue();

    assertThat(TraceManager.currentTraceId()).as("the first trace is current again").isEqualTo(first);
    assertThat(TraceManager.finalizeAndSend()).isTrue();
    assertContextIsEmpty();

    Map<String, JsonNode> traces = delivered(2);
    assertThat(spansByName(traces.get(second))).containsOnlyKeys("before-a-closes", "after-a-closed");
    assertThat(spansByName(traces.get(first))).containsOnlyKeys("a");
    assertThat(Llmops.stats().get("traces.replaced")).isZero();
  }

  @Test
  void aTraceStartedInsideAnImplicitTraceIsSentCompleteAndSoIsTheImplicitOne() {
    Span a = Llmops.span("implicit-root").start();
    String implicit = a.traceId();
    String explicit = TraceManager.startTrace("explicit");
    Llmops.span("in-explicit").run(() -> { });
    a.close();
    Llmops.span("still-in-explicit").run(() -> { });
    assertThat(TraceManager.finalizeAndSend()).isTrue();
    assertContextIsEmpty();

    Map<String, JsonNode> traces = delivered(2);
    assertThat(spansByName(traces.get(explicit))).containsOnlyKeys("in-explicit", "still-in-explicit");
    assertThat(spansByName(traces.get(implicit))).containsOnlyKeys("implicit-root");
  }

  @Test
  void aTraceNestedInsideASpanReturnsToThatSpanWhenFinalized() {
    String outer = TraceManager.startTrace("outer");
    try (Span a = Llmops.span("a").start()) {
      String inner = TraceManager.startTrace("inner");
      Llmops.span("in-inner").run(() -> { });
      TraceManager.finalizeAndSend();
      assertThat(Llmops.currentSpan()).isSameAs(a);
      Llmops.span("back-in-a").run(() -> { });
      assertThat(inner).isNotEqualTo(outer);
    }
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();

    Map<String, JsonNode> spans = spansByName(delivered(2).get(outer));
    assertThat(spans).containsOnlyKeys("a", "back-in-a");
    assertThat(parentOf(spans.get("back-in-a"))).isEqualTo(spans.get("a").get("span_id").asText());
  }

  @Test
  void spansClosedOutOfOrderLeaveTheThreadReadyForTheNextRootSpanAndTrace() {
    Span a = Llmops.span("a").start();
    Span b = Llmops.span("b").start();
    a.close();
    assertThat(Llmops.currentSpan()).as("b is still open").isSameAs(b);
    b.close();
    assertContextIsEmpty();

    Span nextRoot = Llmops.span("next-root").start();
    assertThat(nextRoot.isRecording()).isTrue();
    nextRoot.close();
    String traceId = TraceManager.startTrace("next-trace");
    Llmops.span("in-next-trace").run(() -> { });
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();

    Map<String, JsonNode> traces = delivered(3);
    assertThat(spansByName(traces.get(a.traceId()))).containsOnlyKeys("a", "b");
    assertThat(spansByName(traces.get(nextRoot.traceId()))).containsOnlyKeys("next-root");
    assertThat(spansByName(traces.get(traceId))).containsOnlyKeys("in-next-trace");
    assertThat(Llmops.stats().get("spans.late")).isZero();
  }

  @Test
  void nestedScopesClosedOutOfOrderRemoveOnlyThemselves() {
    TraceManager.startTrace("scopes");
    Span x = Llmops.span("x").startDetached();
    Span y = Llmops.span("y").startDetached();
    Scope first = x.makeCurrent();
    Scope second = y.makeCurrent();
    first.close();
    assertThat(Llmops.currentSpan()).isSameAs(y);
    Scope third = LlmopsContext.empty().makeCurrent();
    second.close();
    assertThat(TraceManager.currentTraceId()).as("the empty context is still current").isNull();
    third.close();
    assertThat(LlmopsContext.current().spanId()).as("back to the trace, no span").isNull();
    assertThat(TraceManager.currentTraceId()).isNotNull();
    first.close(); // closing again changes nothing
    x.end();
    y.end();
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();
    assertThat(spansByName(delivered(1).values().iterator().next())).containsOnlyKeys("x", "y");
  }

  @Test
  void aSpanClosedOnAnotherThreadStopsBeingCurrentOnItsOwnThreadAndLeavesTheOtherAlone()
      throws Exception {
    String traceId = TraceManager.startTrace("handed-off");
    Span handedOff = Llmops.span("handed-off").start();
    String[] otherThreadTrace = new String[2];
    onOtherThread(() -> {
      String own = TraceManager.startTrace("other-thread");
      handedOff.close();
      otherThreadTrace[0] = own;
      otherThreadTrace[1] = TraceManager.currentTraceId();
      TraceManager.finalizeAndSend();
    });
    assertThat(otherThreadTrace[1]).isEqualTo(otherThreadTrace[0]);
    assertTheNextSpanIsARootOfTheTraceAndEndsIt(traceId, 2);
    assertThat(spansByName(delivered(2).get(traceId))).containsOnlyKeys("handed-off", "after");
  }

  @Test
  void aScopeClosedOnAnotherThreadDoesNotChangeThatThreadsContext() throws Exception {
    String traceId = TraceManager.startTrace("scope-handed-off");
    Scope empty = LlmopsContext.empty().makeCurrent();
    String[] seenOnOther = new String[1];
    onOtherThread(() -> {
      empty.close();
      seenOnOther[0] = TraceManager.currentTraceId();
    });
    assertThat(seenOnOther[0]).as("the closing thread had no trace and still has none").isNull();
    assertThat(TraceManager.currentTraceId()).as("the owning thread is back in its trace")
        .isEqualTo(traceId);
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();
    delivered(1);
  }

  @Test
  void aTraceFinalizedOnAnotherThreadNoLongerLingersOnTheThreadThatStartedIt() throws Exception {
    String traceId = TraceManager.startTrace("finalized-elsewhere");
    LlmopsContext context = LlmopsContext.current();
    onOtherThread(context.wrap((Runnable) TraceManager::finalizeAndSend));
    assertContextIsEmpty();
    assertThat(delivered(1)).containsOnlyKeys(traceId);
  }

  @Test
  void aWrappedTaskLeavesThePoolThreadExactlyAsItFoundItWhateverItLeftOpen() throws Exception {
    String traceId = TraceManager.startTrace("submitting");
    LlmopsContext context = LlmopsContext.current();
    onOtherThread(context.wrap(() -> {
      Llmops.span("never-closed").start();
      TraceManager.startTrace("never-finalized");
      LlmopsContext.empty().makeCurrent();
    }));
    String[] left = new String[2];
    onOtherThread(() -> {
      left[0] = TraceManager.currentTraceId();
      left[1] = LlmopsContext.current().spanId();
    });
    assertThat(left).containsOnlyNulls();
    assertThat(TraceManager.currentTraceId()).isEqualTo(traceId);
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();
  }

  @Test
  void aTaskRunInlineByAWrappedExecutorRestoresTheCallersContext() {
    String traceId = TraceManager.startTrace("inline");
    try (Span caller = Llmops.span("caller").start()) {
      LlmopsContext.empty().wrap((Runnable) () -> Llmops.span("left-open").start()).run();
      assertThat(Llmops.currentSpan()).isSameAs(caller);
    }
    assertThat(TraceManager.currentTraceId()).isEqualTo(traceId);
    TraceManager.finalizeAndSend();
    assertContextIsEmpty();
  }

  @Test
  void aTransactionEndedOnAnotherThreadStopsBeingCurrentOnTheThreadThatStartedIt()
      throws Exception {
    String traceId = TraceManager.startTrace("transaction-handed-off");
    String transaction = Transactions.startTransaction("handed-off");
    onOtherThread(() -> assertThat(Transactions.endTransaction(transaction)).isTrue());
    assertTheNextSpanIsARootOfTheTraceAndEndsIt(traceId, 1);
  }

  @Test
  void aTransactionEndedWhileASpanInsideItIsOpenLeavesWhenThatSpanCloses() {
    String traceId = TraceManager.startTrace("transaction-out-of-order");
    String transaction = Transactions.startTransaction("outer");
    Span inner = Llmops.span("inner").start();
    assertThat(Transactions.endTransaction(transaction)).isTrue();
    assertThat(Llmops.currentSpan()).isSameAs(inner);
    inner.close();
    assertTheNextSpanIsARootOfTheTraceAndEndsIt(traceId, 1);
  }

  @Test
  void aThreadThatNeverClosesItsScopesKeepsABoundedContextAndCountsWhatItDrops() throws Exception {
    String[] stillWorks = new String[1];
    onOtherThread(() -> {
      TraceManager.startTrace("leaky");
      for (int i = 0; i < 12_000; i++) {
        Llmops.span("leaked").startDetached().makeCurrent();
      }
      try (Scope ignored = LlmopsContext.empty().makeCurrent()) {
        stillWorks[0] = TraceManager.startTrace("still-works");
        Llmops.span("fine").run(() -> { });
        TraceManager.finalizeAndSend();
      }
    });
    assertThat(Llmops.stats().get("context.frames_dropped")).isPositive();
    assertThat(spansByName(delivered(1).get(stillWorks[0]))).containsOnlyKeys("fine");
  }
}
