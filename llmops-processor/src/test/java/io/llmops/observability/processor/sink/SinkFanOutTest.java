package io.llmops.observability.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.TraceSink;
import io.llmops.observability.processor.sink.internal.DeliveryLedger;
import io.llmops.observability.testing.CapturedLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkFanOutTest {

  private static final String SPAN = "11111111-2222-4333-8444-555555555555";
  private static final DeliveryPolicy QUICK =
      new DeliveryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(20));

  @TempDir Path folder;

  private final ExportedTrace export = Exports.first(Exports.trace("support", "prod", SPAN));

  @Test
  void anExportReachesEverySinkAndEachIsRecordedInTheLedger() throws IOException {
    LocalFolderStore store = new LocalFolderStore(folder);
    ScriptedSink first = new ScriptedSink("first");
    ScriptedSink second = new ScriptedSink("second");

    try (SinkFanOut fanOut = new SinkFanOut(List.of(first, second), store, QUICK)) {
      assertThat(fanOut.deliver(export)).isTrue();
      assertThat(fanOut.counters()).containsEntry("sink.first.delivered", 1L)
          .containsEntry("sink.second.delivered", 1L);
    }

    assertThat(first.held()).containsExactly(Exports.TRACE_ID);
    assertThat(second.held()).containsExactly(Exports.TRACE_ID);
    assertThat(store.list("deliveries/")).containsExactly(
        DeliveryLedger.keyOf(Exports.TRACE_ID, "first"),
        DeliveryLedger.keyOf(Exports.TRACE_ID, "second"));
  }

  @Test
  void aSinkThatFailsLeavesTheExportUndeliveredAndTheRetryRedoesOnlyThatSink() throws IOException {
    LocalFolderStore store = new LocalFolderStore(folder);
    ScriptedSink good = new ScriptedSink("good");
    ScriptedSink flaky = new ScriptedSink("flaky")
        .failWith(new IOException("down"), new IOException("down"), new IOException("down"));

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut fanOut = new SinkFanOut(List.of(good, flaky), store, QUICK)) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(fanOut.deliver(export)).isTrue();

      assertThat(fanOut.counters()).containsEntry("sink.good.delivered", 1L)
          .containsEntry("sink.good.skipped", 1L)
          .containsEntry("sink.flaky.failed", 1L)
          .containsEntry("sink.flaky.retried", 2L)
          .containsEntry("sink.flaky.delivered", 1L);
      assertThat(log.messages()).containsExactly("sink flaky: export " + Exports.TRACE_ID
          + " not delivered: IOException, after 3 attempts; it stays for the next delivery");
    }
    assertThat(good.calls()).containsExactly(Exports.TRACE_ID);
    assertThat(flaky.calls()).hasSize(4);
  }

  @Test
  void anotherProcessorOnTheSameStoreRetriesOnlyTheSinksWithoutARecord() throws IOException {
    ScriptedSink goodHere = new ScriptedSink("good");
    ScriptedSink failingHere = new ScriptedSink("flaky")
        .failWith(SinkFailure.notNow("flaky sink: HTTP 403"));
    ScriptedSink goodThere = new ScriptedSink("good");
    ScriptedSink flakyThere = new ScriptedSink("flaky");

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut here = new SinkFanOut(List.of(goodHere, failingHere),
            new LocalFolderStore(folder), QUICK);
        SinkFanOut there = new SinkFanOut(List.of(goodThere, flakyThere),
            new LocalFolderStore(folder), QUICK)) {
      assertThat(here.deliver(export)).isFalse();
      assertThat(there.deliver(export)).isTrue();
      assertThat(log.text()).contains("sink flaky: export " + Exports.TRACE_ID
          + " not delivered: flaky sink: HTTP 403;");
    }
    assertThat(failingHere.calls()).as("a refusal is not retried at once").hasSize(1);
    assertThat(goodThere.calls()).isEmpty();
    assertThat(flakyThere.held()).containsExactly(Exports.TRACE_ID);
  }

  @Test
  void aRetryableFailureIsTriedAgainAndThenDelivered() {
    ScriptedSink sink = new ScriptedSink("otlp")
        .failWith(SinkFailure.retryable("otlp sink: HTTP 503", Duration.ofMillis(20)));

    try (SinkFanOut fanOut = new SinkFanOut(List.of(sink), new LocalFolderStore(folder), QUICK)) {
      assertThat(fanOut.deliver(export)).isTrue();
      assertThat(fanOut.counters()).containsEntry("sink.otlp.retried", 1L)
          .containsEntry("sink.otlp.delivered", 1L);
    }
    assertThat(sink.calls()).hasSize(2);
  }

  @Test
  void aHungSinkIsAbandonedAtItsDeadlineWhileTheOthersDeliver() {
    ScriptedSink hung = new ScriptedSink("hung").hangOnce();
    ScriptedSink good = new ScriptedSink("good");
    DeliveryPolicy shortDeadline =
        new DeliveryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(300));

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut fanOut = new SinkFanOut(List.of(hung, good), new LocalFolderStore(folder),
            shortDeadline)) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(fanOut.counters()).containsEntry("sink.hung.failed", 1L)
          .containsEntry("sink.good.delivered", 1L);
      assertThat(log.messages()).containsExactly("sink hung: export " + Exports.TRACE_ID
          + " not delivered: no answer within 300 ms; it stays for the next delivery");

      assertThat(fanOut.deliver(export)).isTrue();
    }
    assertThat(good.calls()).hasSize(1);
    assertThat(hung.held()).containsExactly(Exports.TRACE_ID);
  }

  @Test
  void aSinkThatCannotReadTheExportIsNotRetried() {
    ScriptedSink sink = new ScriptedSink("picky")
        .failWith(new IllegalArgumentException("trace_id must be text"));

    try (CapturedLog log = CapturedLog.open();
        SinkFanOut fanOut = new SinkFanOut(List.of(sink), new LocalFolderStore(folder), QUICK)) {
      assertThat(fanOut.deliver(export)).isFalse();
      assertThat(log.text()).contains("(IllegalArgumentException)").doesNotContain("trace_id");
    }
    assertThat(sink.calls()).hasSize(1);
  }

  @Test
  void twoSinksWithOneNameAreRefusedSinceTheLedgerKeysOnTheName() {
    List<TraceSink> twins = List.of(new ScriptedSink("archive"), new ScriptedSink("archive"));

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new SinkFanOut(twins, new LocalFolderStore(folder), QUICK))
        .withMessageContaining("sinks must have distinct names");
  }

  @Test
  void aLateExportHasItsOwnLedgerRecords() {
    assertThat(DeliveryLedger.keyOf(Exports.TRACE_ID + "/late/seg.1", "otlp"))
        .isEqualTo("deliveries/" + Exports.TRACE_ID + "/late/seg=2E1/otlp");
  }
}
