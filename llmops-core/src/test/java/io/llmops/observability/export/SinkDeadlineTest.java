package io.llmops.observability.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.HangingSink;
import io.llmops.observability.testing.HangingSink.Operation;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sink that hangs, in any of its calls, costs that sink its batches and nothing else: the
 * other sinks, the grace timer, flush and shutdown go on, each within its own deadline.
 */
class SinkDeadlineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final CollectingSink collecting = new CollectingSink();
  private final List<HangingSink> toRelease = new ArrayList<>();

  private HangingSink hanging(HangingSink sink) {
    toRelease.add(sink);
    return sink;
  }

  private static LlmopsConfig.Builder exportTimeout(String seconds) {
    return TestConfigs.isolated().set("LLMOPS_EXPORT_TIMEOUT", seconds);
  }

  private static void trace(String name) {
    TraceManager.startTrace(name);
    Llmops.span("work").run(() -> { });
    TraceManager.endTrace();
  }

  private static long stat(String name) {
    return Llmops.stats().get(name);
  }

  /**
   * The collecting sink checks every body against the wire schemas; loading them the first time
   * can take longer, on a busy machine, than the short export timeout these tests use.
   */
  @BeforeAll
  static void loadTheWireSchemas() {
    SchemaValidator.validateBody("{}");
  }

  @AfterEach
  void releaseAndShutDown() {
    toRelease.forEach(HangingSink::release);
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void aSinkThatHangsIsGivenUpOnAfterTheExportTimeoutWhileTheOtherSinksGoOn() throws Exception {
    HangingSink stuck = hanging(HangingSink.inExport("stuck"));
    Llmops.configure(exportTimeout("2").addSink(stuck).addSink(collecting).build());

    trace("first");
    assertThat(stuck.awaitHang(PATIENCE)).isTrue();
    await().atMost(PATIENCE).until(() -> collecting.messages().size() == 1);
    await().atMost(PATIENCE).until(() -> stat("export_failed.stuck") == 1);
    assertThat(stat("export_timed_out.stuck")).isEqualTo(1);

    // while the sink is still stuck its next batches fail at once, nothing piles up behind it
    trace("second");
    trace("third");
    await().atMost(PATIENCE).until(() -> collecting.messages().size() == 3);
    assertThat(Llmops.flush(Duration.ofSeconds(1))).isFalse();
    assertThat(stat("export_failed.stuck")).isEqualTo(3);
    assertThat(stat("export_timed_out.stuck")).isEqualTo(3);
    assertThat(stuck.hangingCalls()).isEqualTo(1);

    // once it returns, it takes batches again
    stuck.release();
    await().atMost(PATIENCE).until(() -> Llmops.flush(Duration.ofSeconds(1)));
    trace("fourth");
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    // the first batch arrived late, after it was counted as failed, and is counted as late
    assertThat(stuck.accepted()).hasSize(2);
    assertThat(stat("handed_off.stuck")).isEqualTo(1);
    assertThat(stat("export_late.stuck")).isEqualTo(1);
    assertThat(stat("handed_off.collecting")).isEqualTo(4);
  }

  @Test
  void aSinkThatHangsInItsFlushHoldsUpNeitherTheFlushNorTheTracesAfterIt() throws Exception {
    HangingSink stuck = hanging(HangingSink.in("stuck", Operation.FLUSH));
    Llmops.configure(exportTimeout("2").addSink(stuck).addSink(collecting).build());

    assertThat(Llmops.flush(Duration.ofMillis(100))).isFalse();
    trace("after-the-flush");

    await().atMost(PATIENCE).until(() -> collecting.messages().size() == 1);
    await().atMost(PATIENCE).until(() -> stat("export_failed.stuck") == 1);
    assertThat(stat("handed_off.collecting")).isEqualTo(1);
  }

  @Test
  void shutdownGivesUpOnASinkThatHangsInItsShutdown() throws Exception {
    HangingSink stuck = hanging(HangingSink.in("stuck", Operation.SHUTDOWN));
    Llmops.configure(exportTimeout("2").addSink(stuck).addSink(collecting).build());
    trace("delivered-before-shutdown");

    boolean result = assertTimeoutPreemptively(PATIENCE, () -> Llmops.shutdown(Duration.ofMillis(100)));

    assertThat(result).isFalse();
    assertThat(stuck.hangingCalls()).isEqualTo(1);
    assertThat(collecting.messages()).hasSize(1);
    assertThat(stat("handed_off.stuck")).isEqualTo(1);
  }

  @Test
  void aFlushThatGivesUpLeavesNothingBehindInTheQueue() throws Exception {
    HangingSink stuck = hanging(HangingSink.inExport("stuck"));
    Llmops.configure(exportTimeout("60").set("LLMOPS_EXPORT_QUEUE_CAPACITY", "1").addSink(stuck).build());
    trace("occupies-the-sink");
    assertThat(stuck.awaitHang(PATIENCE)).isTrue();

    assertThat(Llmops.flush(Duration.ofMillis(50))).isFalse();
    trace("takes-the-only-place-in-the-queue");

    assertThat(stat("dropped.queue_full")).isZero();
    stuck.release();
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(stuck.accepted()).hasSize(2);
  }

  @Test
  void aTraceWaitingForItsSpansIsSentWhenTheGraceEndsEvenWhileTheSinksAreBusy() throws Exception {
    HangingSink stuck = hanging(HangingSink.inExport("stuck"));
    Llmops.configure(exportTimeout("60").set("LLMOPS_FINALIZE_GRACE", "0.2").addSink(stuck).build());
    trace("occupies-the-sink");
    assertThat(stuck.awaitHang(PATIENCE)).isTrue();

    TraceManager.startTrace("waits-for-a-span");
    Span open = Llmops.span("open").startDetached();
    TraceManager.endTrace();

    await().atMost(PATIENCE).until(() -> stat("traces.sent_with_open_spans") == 1);
    stuck.release();
    assertThat(Llmops.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(stuck.accepted()).hasSize(2);
    open.end();
    assertThat(stat("spans.late")).isEqualTo(1);
  }
}
