package io.llmops.observability.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.processor.internal.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One processor joins a trace's pieces in any order and exports each trace and late piece once. */
class SegmentMergeTest {

  @TempDir Path folder;
  private final ManualClock clock = new ManualClock();
  private final RecordingDelivery delivery = new RecordingDelivery();

  private TraceProcessor processor(ObjectStore store) {
    return new TraceProcessor(new BatchDecoder(new MessageDecoder(DecodeLimits.defaults()),
        new LocalFolderDeadLetters(folder.resolve("dead-letters")), clock),
        store, delivery, MergeWindows.defaults(), clock);
  }

  private TraceProcessor processor() {
    return processor(new LocalFolderStore(folder.resolve("store")));
  }

  private static void processAll(TraceProcessor processor, IncomingMessage... messages) {
    assertThat(processor.process(List.of(messages)).retry()).isEmpty();
  }

  @Test
  void aTraceWithoutSegmentsIsExportedAtOnce() {
    Pieces trace = new Pieces();

    processAll(processor(), trace.parent(List.of(), null));

    assertThat(delivery.export(trace.traceId).newSpanIds()).hasSize(1);
  }

  @Test
  void aChildBeforeItsParentIsMergedWhenTheParentCountsIt() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();

    processAll(processor, trace.segment("s1", call, List.of(), 0));
    assertThat(delivery.exports()).isEmpty();
    processAll(processor, trace.parent(List.of(call), 1));

    ExportedTrace export = delivery.export(trace.traceId);
    assertThat(export.late()).isFalse();
    assertThat(export.newSpanIds()).hasSize(3);
    assertThat(export.trace().get("total_spans").asInt()).isEqualTo(3);
  }

  @Test
  void aParentWaitsForTheChildItCountsAndIsExportedWhenItArrives() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();

    processAll(processor, trace.parent(List.of(call), 1));
    assertThat(delivery.exports()).isEmpty();
    processAll(processor, trace.segment("s1", call, List.of(), 0));

    assertThat(delivery.export(trace.traceId).newSpanIds()).hasSize(3);
  }

  @Test
  void segmentsOfAServiceCalledByACalledServiceAreCountedRecursively() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    String nestedCall = Pieces.spanId();
    TraceProcessor processor = processor();

    processAll(processor, trace.parent(List.of(call), 1),
        trace.segment("s1", call, List.of(nestedCall), 1));
    assertThat(delivery.exports()).as("the nested segment is still to come").isEmpty();
    processAll(processor, trace.segment("s2", nestedCall, List.of(), 0));

    assertThat(delivery.export(trace.traceId).newSpanIds()).hasSize(5);
  }

  @Test
  void aParentThatCannotCountWaitsForTheSweepWindowFromItsArrival() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();
    processAll(processor, trace.parent(List.of(call), null),
        trace.segment("s1", call, List.of(), null));

    clock.advance(Duration.ofSeconds(59));
    assertThat(processor.sweep()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(processor.sweep()).isEqualTo(1);
    assertThat(processor.sweep()).isZero();

    assertThat(delivery.export(trace.traceId).newSpanIds()).hasSize(3);
  }

  @Test
  void aChildAfterItsTraceWentOutIsExportedLateWithOnlyItsSpansAsNew() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();
    processAll(processor, trace.parent(List.of(call), null));
    clock.advance(Duration.ofSeconds(60));
    processor.sweep();

    processAll(processor, trace.segment("s1", call, List.of(), 0));

    ExportedTrace late = delivery.export(trace.traceId + "/late/s1");
    assertThat(late.late()).isTrue();
    assertThat(late.newSpanIds()).hasSize(1);
    assertThat(late.trace().get("total_spans").asInt()).as("the whole trace again").isEqualTo(3);
  }

  @Test
  void aLateEvaluationTakesTheSamePath() {
    Pieces trace = new Pieces();
    TraceProcessor processor = processor();
    IncomingMessage parent = trace.parent(List.of(), null);
    processAll(processor, parent);
    String rootSpan = delivery.export(trace.traceId).newSpanIds().iterator().next();

    processAll(processor, trace.evaluation("eval-1", rootSpan));

    ExportedTrace late = delivery.export(trace.traceId + "/late/eval-1");
    assertThat(late.newSpanIds()).hasSize(1).doesNotContain(rootSpan);
    assertThat(late.trace().get("total_spans").asInt()).isEqualTo(2);
  }

  @Test
  void duplicatedMessagesExportNothingTwice() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();
    IncomingMessage parent = trace.parent(List.of(call), 1);
    IncomingMessage child = trace.segment("s1", call, List.of(), 0);
    IncomingMessage evaluation = trace.evaluation("eval-1", call);

    for (int round = 0; round < 3; round++) {
      processAll(processor, child, parent, child, parent);
      processAll(processor, evaluation, evaluation);
    }

    assertThat(delivery.exports()).containsOnlyKeys(trace.traceId, trace.traceId + "/late/eval-1");
    assertThat(processor.counters()).containsEntry("staged.duplicates", 15L);
  }

  @Test
  void aMalformedMessageIsDeadLetteredAndTheRestOfItsBatchProcessed() {
    Pieces trace = new Pieces();

    var outcome = processor().process(List.of(new IncomingMessage("bad", "{not json"),
        trace.parent(List.of(), null)));

    assertThat(outcome.retry()).isEmpty();
    assertThat(delivery.exports()).containsOnlyKeys(trace.traceId);
    assertThat(folder.resolve("dead-letters").toFile().list()).hasSize(1);
  }

  @Test
  void aStoreFailureLeavesTheMessageOnTheQueueAndItsRetryExportsIt() throws Exception {
    Pieces trace = new Pieces();
    AtomicBoolean down = new AtomicBoolean(true);
    TraceProcessor processor = processor(new Unavailable(
        new LocalFolderStore(folder.resolve("store")), (operation, key) -> down.get()));
    IncomingMessage parent = trace.parent(List.of(), null);

    try (CapturedLog log = CapturedLog.open()) {
      assertThat(processor.process(List.of(parent)).retry()).containsExactly(parent.id());
      assertThat(log.messages()).containsExactly(
          "message {0}: left on the queue, the store failed ({1})");
    }
    assertThat(delivery.exports()).isEmpty();

    down.set(false);
    processAll(processor, parent);
    assertThat(delivery.exports()).containsOnlyKeys(trace.traceId);
  }

  @Test
  void aFailedDeliveryIsRetriedByTheMessageAndDeliveredOnce() {
    Pieces trace = new Pieces();
    TraceProcessor processor = processor();
    IncomingMessage parent = trace.parent(List.of(), null);
    delivery.failing.set(true);
    assertThat(processor.process(List.of(parent)).retry()).containsExactly(parent.id());

    delivery.failing.set(false);
    clock.advance(MergeWindows.defaults().claim());
    processAll(processor, parent);

    assertThat(delivery.exports()).containsOnlyKeys(trace.traceId);
    assertThat(processor.counters()).containsEntry("exports.redelivered", 1L);
  }

  @Test
  void orphansAreExportedAloneAfterTheirWindowAndAParentAfterThemLate() {
    Pieces trace = new Pieces();
    String call = Pieces.spanId();
    TraceProcessor processor = processor();
    processAll(processor, trace.segment("s1", call, List.of(), 0));

    clock.advance(Duration.ofMinutes(14));
    assertThat(processor.sweep()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(processor.sweep()).isEqualTo(1);
    assertThat(delivery.export(trace.traceId + "/segment/s1").newSpanIds()).hasSize(1);

    processAll(processor, trace.parent(List.of(call), 1));
    ExportedTrace parentLate = delivery.export(trace.traceId + "/late/=parent");
    assertThat(parentLate.newSpanIds()).hasSize(2);
    assertThat(parentLate.trace().get("total_spans").asInt()).isEqualTo(3);
  }

  @Test
  void aProcessorThatFailsBetweenClaimingAndSealingReleasesItsClaimForTheRetry()
      throws Exception {
    Pieces trace = new Pieces();
    ObjectStore folderStore = new LocalFolderStore(folder.resolve("store"));
    String claim = StoreLayout.claim(trace.traceId);
    AtomicBoolean failed = new AtomicBoolean();
    TraceProcessor processor = processor(new Unavailable(folderStore, (operation, key) ->
        operation.equals("list") && key.startsWith("child_traces/")
            && folderStore.get(claim).isPresent() && failed.compareAndSet(false, true)));
    IncomingMessage parent = trace.parent(List.of(), null);

    try (CapturedLog log = CapturedLog.open()) {
      assertThat(processor.process(List.of(parent)).retry()).containsExactly(parent.id());
      assertThat(log.messages()).hasSize(1);
    }
    assertThat(new String(folderStore.get(claim).orElseThrow().content(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("\"state\":\"released\"");

    processAll(processor, parent); // at once: no claim window to wait out
    assertThat(delivery.exports()).containsOnlyKeys(trace.traceId);
  }

  /** A store whose calls fail where {@code fails} says so (operation name, key or prefix). */
  private record Unavailable(ObjectStore store, Fault fails) implements ObjectStore {
    private void check(String operation, String key) throws IOException {
      if (fails.test(operation, key)) {
        throw new IOException("store unavailable");
      }
    }

    @Override
    public boolean createIfAbsent(String key, byte[] content) throws IOException {
      check("createIfAbsent", key);
      return store.createIfAbsent(key, content);
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
      check("put", key);
      store.put(key, content);
    }

    @Override
    public Optional<StoredObject> get(String key) throws IOException {
      check("get", key);
      return store.get(key);
    }

    @Override
    public boolean replaceIfUnchanged(String key, byte[] content, String version)
        throws IOException {
      check("replaceIfUnchanged", key);
      return store.replaceIfUnchanged(key, content, version);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
      check("list", prefix);
      return store.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
      check("delete", key);
      store.delete(key);
    }
  }

  /** Whether a store call fails. */
  @FunctionalInterface
  private interface Fault {
    boolean test(String operation, String key) throws IOException;
  }
}
