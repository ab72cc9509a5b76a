package io.llmops.observability;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.ScriptedSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.WireDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The trace lifecycle and the export pipeline as the application sees them. */
class LifecycleTest {

  private final CollectingSink sink = new CollectingSink();
  private final List<ScriptedSink> toRelease = new ArrayList<>();

  private void configure(LlmopsConfig.Builder builder) {
    Llmops.configure(builder.build());
  }

  private void configureWithCollectingSink() {
    configure(TestConfigs.isolated().addSink(sink));
  }

  @AfterEach
  void shutdown() {
    toRelease.forEach(ScriptedSink::release);
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private List<JsonNode> delivered(int expected) {
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(sink.messages()).hasSize(expected);
    return DecodedTraces.of(sink.messages());
  }

  private JsonNode onlyTrace() {
    return delivered(1).get(0);
  }

  @Nested
  class Finalizing {

    @Test
    void finalizeAndEndTraceReturnFalseWhenThereIsNoTrace() {
      configureWithCollectingSink();
      assertThat(TraceManager.finalizeAndSend()).isFalse();
      assertThat(TraceManager.finalizeAndSend("in", "out")).isFalse();
      assertThat(TraceManager.endTrace()).isFalse();
      assertThat(TraceManager.currentTraceId()).isNull();
      delivered(0);
      assertThat(Llmops.stats().tracesFinalized()).isZero();
    }

    @Test
    void finalizeAndEndTraceAreIdempotentAndSendTheTraceOnce() {
      configureWithCollectingSink();
      TraceManager.startTrace("once");
      assertThat(TraceManager.endTrace()).isTrue();
      assertThat(TraceManager.endTrace()).isFalse();
      assertThat(TraceManager.finalizeAndSend("in", "out")).isFalse();
      assertThat(onlyTrace().get("trace_name").asText()).isEqualTo("once");
      assertThat(Llmops.stats().tracesFinalized()).isEqualTo(1);
    }

    @Test
    void finalizeOverridesTheTraceFieldsThatAreNotNull() {
      configureWithCollectingSink();
      TraceManager.newTrace("original").userId("u1").sessionId("s1").start();
      TraceManager.finalizeTrace().sessionId("s2").name("renamed")
          .input(Map.of("q", "in")).output(Map.of("a", "out")).send();

      JsonNode trace = onlyTrace();
      assertThat(trace.get("trace_name").asText()).isEqualTo("renamed");
      assertThat(trace.get("user_id").asText()).isEqualTo("u1");
      assertThat(trace.get("session_id").asText()).isEqualTo("s2");
      assertThat(trace.at("/trace_input/q").asText()).isEqualTo("in");
      assertThat(trace.at("/trace_output/a").asText()).isEqualTo("out");
    }

    @Test
    void aTraceFinalizedWhileASpanIsOpenIsSentWhenThatSpanEndsWithTheSpanIncluded() {
      configureWithCollectingSink();
      TraceManager.startTrace("waits");
      Span slow = Llmops.span("slow").startDetached();
      assertThat(TraceManager.finalizeAndSend()).isTrue();
      assertThat(TraceManager.currentTraceId()).isNull();

      delivered(0);
      slow.setOutput("finished late, but within the grace").end();

      JsonNode trace = onlyTrace();
      assertThat(spansByName(trace)).containsOnlyKeys("slow");
      assertThat(trace.at("/metadata/llmops.open_spans").isMissingNode()).isTrue();
      assertThat(Llmops.stats().get("traces.sent_with_open_spans")).isZero();
    }

    @Test
    void aTraceFinalizedInsideItsOwnSpanIsSentWhenThatSpanCloses() {
      configureWithCollectingSink();
      TraceManager.startTrace("inside");
      try (Span outer = Llmops.span("outer").start()) {
        assertThat(TraceManager.finalizeAndSend()).isTrue();
        outer.setOutput("closing");
        delivered(0);
      }
      assertThat(TraceManager.currentTraceId()).isNull();
      assertThat(spansByName(onlyTrace())).containsOnlyKeys("outer");
    }

    @Test
    void aSpanNeverEndedIsGivenUpOnAfterTheGraceAndTheTraceIsSentMarkedWithOpenSpans() {
      configure(TestConfigs.isolated().set("LLMOPS_FINALIZE_GRACE", "0.2").addSink(sink));
      TraceManager.startTrace("forgotten");
      Llmops.span("done").run(() -> { });
      Span forgotten = Llmops.span("forgotten").startDetached();
      TraceManager.finalizeAndSend();

      await().atMost(Duration.ofSeconds(5)).until(() -> sink.messages().size() == 1);
      JsonNode trace = WireDecoder.trace(sink.messages().get(0).body());
      assertThat(spansByName(trace)).containsOnlyKeys("done");
      assertThat(trace.at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
      assertThat(Llmops.stats().get("traces.sent_with_open_spans")).isEqualTo(1);

      // the forgotten span, and anything started under it, now arrives too late
      try (Scope ignored = forgotten.makeCurrent()) {
        Span child = Llmops.span("child-of-forgotten").start();
        assertThat(child.isRecording()).isFalse();
        child.close();
      }
      forgotten.end();
      assertThat(Llmops.stats().get("spans.late")).isEqualTo(2);
      delivered(1);
    }

    @Test
    void startingATraceWhileAnotherIsActiveReplacesItAndCountsIt() {
      configureWithCollectingSink();
      String first = TraceManager.startTrace("first");
      String second = TraceManager.startTrace("second");
      Llmops.span("in-second").run(() -> { });
      TraceManager.endTrace();

      assertThat(second).isNotEqualTo(first);
      assertThat(Llmops.stats().get("traces.replaced")).isEqualTo(1);
      JsonNode trace = onlyTrace();
      assertThat(trace.get("trace_id").asText()).isEqualTo(second);
      assertThat(spansByName(trace)).containsOnlyKeys("in-second");
    }

    @Test
    void startingATraceAfterTheLastOneWasFinalizedIsNotAReplacement() {
      configureWithCollectingSink();
      TraceManager.startTrace("first");
      TraceManager.endTrace();
      TraceManager.startTrace("second");
      TraceManager.endTrace();
      delivered(2);
      assertThat(Llmops.stats().get("traces.replaced")).isZero();
    }
  }

  @Nested
  class ImplicitTraces {

    @Test
    void aRootSpanWithoutATraceStartsItsOwnTraceNamedAfterItWithItsInputAndOutput() {
      configureWithCollectingSink();
      String answer;
      String spanTraceId;
      try (Span root = Llmops.agent("standalone").input("query", "What is Java?").start()) {
        spanTraceId = root.traceId();
        assertThat(TraceManager.currentTraceId()).isEqualTo(spanTraceId);
        answer = Llmops.generation("nested").call(() -> "A language.");
        root.setOutput(answer);
      }
      assertThat(TraceManager.currentTraceId()).isNull();

      JsonNode trace = onlyTrace();
      assertThat(trace.get("trace_id").asText()).isEqualTo(spanTraceId);
      assertThat(trace.get("trace_name").asText()).isEqualTo("standalone");
      assertThat(trace.at("/trace_input/kwargs/query").asText()).isEqualTo("What is Java?");
      assertThat(trace.get("trace_output").asText()).isEqualTo("A language.");
      assertThat(spansByName(trace)).containsOnlyKeys("standalone", "nested");
    }

    @Test
    void withAutoTraceOffASpanWithoutATraceRecordsNothingAndIsCounted() {
      configure(TestConfigs.isolated().set("LLMOPS_AUTO_TRACE", "false").addSink(sink));
      Span span = Llmops.span("nowhere").start();
      assertThat(span.isRecording()).isFalse();
      span.setOutput("ignored").close();
      assertThat(Llmops.span("also-nowhere").call(() -> 42)).isEqualTo(42);

      delivered(0);
      assertThat(Llmops.stats().get("spans.without_trace")).isEqualTo(2);
      assertThat(Llmops.stats().tracesStarted()).isZero();
    }
  }

  @Nested
  class ExportPipeline {

    @Test
    void aFullQueueDropsTracesAndCountsThemWithoutEverBlockingTheCaller() throws Exception {
      ScriptedSink blocked = ScriptedSink.blockedUntilReleased("blocked");
      toRelease.add(blocked);
      configure(TestConfigs.isolated().set("LLMOPS_EXPORT_QUEUE_CAPACITY", "1").addSink(blocked));

      TraceManager.startTrace("occupies-the-worker");
      TraceManager.endTrace();
      assertThat(blocked.awaitFirstExport(5, TimeUnit.SECONDS)).isTrue();

      // the worker is stuck in the sink; a blocking finalize would never return before release()
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        for (int i = 0; i < 1_000; i++) {
          TraceManager.startTrace("burst-" + i);
          Llmops.span("work").run(() -> { });
          assertThat(TraceManager.endTrace()).isTrue();
        }
      });
      assertThat(blocked.accepted()).isEmpty();
      assertThat(Llmops.stats().get("dropped.queue_full")).isEqualTo(999);

      blocked.release();
      assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(blocked.accepted()).hasSize(2);
      assertThat(Llmops.stats().get("handed_off.blocked")).isEqualTo(2);
      assertThat(Llmops.stats().dropped()).isEqualTo(999);
    }

    @Test
    void flushGivesUpAfterItsTimeoutWhileASinkIsStuck() throws Exception {
      ScriptedSink blocked = ScriptedSink.blockedUntilReleased("blocked");
      toRelease.add(blocked);
      configure(TestConfigs.isolated().addSink(blocked));
      TraceManager.startTrace("stuck");
      TraceManager.endTrace();
      assertThat(blocked.awaitFirstExport(5, TimeUnit.SECONDS)).isTrue();

      assertThat(Llmops.flush(Duration.ofMillis(100))).isFalse();
      blocked.release();
      assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(blocked.accepted()).hasSize(1);
    }

    @Test
    void aSinkThatThrowsDoesNotAffectTheApplicationOrTheOtherSinks() {
      ScriptedSink broken = ScriptedSink.throwing("broken");
      configure(TestConfigs.isolated().addSink(broken).addSink(sink));

      try (CapturedLog log = CapturedLog.open()) {
        TraceManager.startTrace("survives");
        String result = Llmops.span("work").call(() -> "still works");
        assertThat(TraceManager.endTrace()).isTrue();

        assertThat(result).isEqualTo("still works");
        assertThat(onlyTrace().get("trace_name").asText()).isEqualTo("survives");
        assertThat(Llmops.stats().get("export_failed.broken")).isEqualTo(1);
        assertThat(Llmops.stats().get("handed_off.collecting")).isEqualTo(1);
        assertThat(log.text()).contains("Sink 'broken' threw from export");
      }
    }

    @Test
    void aSinkThatReportsFailureIsCountedPerSink() {
      ScriptedSink refusing = ScriptedSink.failing("refusing");
      configure(TestConfigs.isolated().addSink(refusing));

      for (int i = 0; i < 3; i++) {
        TraceManager.startTrace("refused-" + i);
        assertThat(TraceManager.endTrace()).isTrue();
      }
      assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(Llmops.stats().get("export_failed.refusing")).isEqualTo(3);
      assertThat(Llmops.stats().get("handed_off.refusing")).isZero();
    }

    @Test
    void flushReturnsTrueOnceEverythingFinalizedSoFarIsDelivered() {
      configureWithCollectingSink();
      for (int i = 0; i < 50; i++) {
        TraceManager.startTrace("t" + i);
        TraceManager.endTrace();
      }
      assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(sink.messages()).hasSize(50);
      assertThat(Llmops.stats().handedOff()).isEqualTo(50);
    }

    @Test
    void shutdownIsIdempotentAndTracesFinalizedAfterItAreDroppedAndCounted() {
      configureWithCollectingSink();
      TraceManager.startTrace("before");
      TraceManager.endTrace();

      assertThat(Llmops.shutdown(Duration.ofSeconds(5))).isTrue();
      assertThat(Llmops.shutdown(Duration.ofSeconds(5))).isTrue();
      assertThat(sink.messages()).hasSize(1);

      TraceManager.startTrace("after");
      Llmops.span("work").run(() -> { });
      TraceManager.endTrace();
      assertThat(Llmops.flush(Duration.ofSeconds(1))).isTrue();
      assertThat(sink.messages()).hasSize(1);
      assertThat(Llmops.stats().get("dropped.shutdown")).isEqualTo(1);
    }

    @Test
    void configuringAgainDeliversWhatThePreviousConfigurationHadQueued() {
      CollectingSink oldSink = new CollectingSink();
      configure(TestConfigs.isolated().addSink(oldSink));
      for (int i = 0; i < 20; i++) {
        TraceManager.startTrace("old-" + i);
        TraceManager.endTrace();
      }
      String waiting = TraceManager.startTrace("waiting-for-a-span");
      Span open = Llmops.span("open").startDetached();
      TraceManager.endTrace();
      String spanning = TraceManager.startTrace("spans-the-switch");

      configureWithCollectingSink();

      // delivered by configure() itself, before it returned: no flush of the old runtime needed
      Map<String, JsonNode> old = DecodedTraces.byTraceId(oldSink.messages());
      assertThat(old).hasSize(21);
      assertThat(old.get(waiting).at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
      open.end();

      // a trace started before the switch and finalized after it goes to the new sinks
      Llmops.span("after-switch").run(() -> { });
      TraceManager.endTrace();
      JsonNode trace = onlyTrace();
      assertThat(trace.get("trace_id").asText()).isEqualTo(spanning);
      assertThat(spansByName(trace)).containsOnlyKeys("after-switch");
    }

    @Test
    void aTraceFinalizedAfterTheSwitchWithASpanStillOpenIsSentByTheNewRuntimeWhenItsGraceEnds() {
      configure(TestConfigs.isolated().addSink(new CollectingSink()));
      String spanning = TraceManager.startTrace("spans-the-switch-with-an-open-span");
      Span open = Llmops.span("open").startDetached();

      configure(TestConfigs.isolated().set("LLMOPS_FINALIZE_GRACE", "0.2").addSink(sink));
      TraceManager.endTrace();

      await().atMost(20, TimeUnit.SECONDS).until(() -> sink.messages().size() == 1);
      JsonNode trace = onlyTrace();
      assertThat(trace.get("trace_id").asText()).isEqualTo(spanning);
      assertThat(trace.at("/metadata/llmops.open_spans").asInt()).isEqualTo(1);
      open.end();
    }
  }

  @Nested
  class Disabled {

    @Test
    void withTracingDisabledEveryCallIsANoOp() throws Exception {
      configure(TestConfigs.isolated().enabled(false).addSink(sink));

      assertThat(TraceManager.startTrace("ignored")).isNull();
      assertThat(TraceManager.newTrace("ignored").userId("u").start()).isNull();
      assertThat(TraceManager.currentTraceId()).isNull();
      try (Span span = Llmops.generation("ignored").model("m").prompt("p").start()) {
        assertThat(span.isRecording()).isFalse();
        assertThat(span.spanId()).isEmpty();
        assertThat(span.traceId()).isEmpty();
        span.setOutput("x").setUsage(1, 2).setCost(0.1, 0.2).setMetadata("k", "v").end();
        assertThat(Llmops.currentSpan().isRecording()).isFalse();
      }
      assertThat(Llmops.span("body-still-runs").call(() -> "result")).isEqualTo("result");
      assertThat(TraceManager.finalizeAndSend("in", "out")).isFalse();
      assertThat(TraceManager.endTrace()).isFalse();
      assertThat(Llmops.flush(Duration.ofSeconds(1))).isTrue();

      assertThat(sink.messages()).isEmpty();
      assertThat(Llmops.stats().counters()).isEmpty();
    }
  }
}
