package io.llmops.observability.sqs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Record;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilloverJournalTest {

  @TempDir Path dir;
  private final SinkMetrics metrics = SinkMetrics.detached();

  static Entry entry(int i) {
    return new Entry("trace-" + i, "SDKTraceData", "key-" + i, "{\"body\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}");
  }

  static List<Entry> entries(int from, int to) {
    return IntStream.range(from, to).mapToObj(SpilloverJournalTest::entry).collect(Collectors.toList());
  }

  private List<Record> replayEverything(SpilloverJournal journal) throws IOException {
    return replayEverything(journal, metrics);
  }

  /** Claims, reads and finishes every segment as a replay that delivers everything would. */
  static List<Record> replayEverything(SpilloverJournal journal, SinkMetrics metrics) throws IOException {
    List<Record> all = new ArrayList<>();
    Segment segment;
    while ((segment = journal.claimOldest()) != null) {
      all.addAll(journal.read(segment, metrics).records());
      journal.finish(segment, List.of());
    }
    return all;
  }

  static List<String> traceIds(List<Record> records) {
    return records.stream().map(Record::traceId).collect(Collectors.toList());
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".spill")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void recordsWrittenAreReadBackInOrderAndTheJournalIsEmptyAfterwards() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 5), metrics);
    journal.append(entries(5, 8), metrics);
    assertThat(journal.recordCount()).isEqualTo(8);

    List<Record> read = replayEverything(journal);

    assertThat(traceIds(read)).containsExactly(
        "trace-0", "trace-1", "trace-2", "trace-3", "trace-4", "trace-5", "trace-6", "trace-7");
    assertThat(read.get(3).idempotencyKey()).isEqualTo("key-3");
    assertThat(read.get(3).body()).isEqualTo(entry(3).body);
    assertThat(journal.isEmpty()).isTrue();
    journal.release();
  }

  @Test
  void aReopenedJournalFindsWhatAPreviousInstanceWrote() throws IOException {
    SpilloverJournal first = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    first.append(entries(0, 3), metrics);
    first.release();

    SpilloverJournal second = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    assertThat(second.recordCount()).isEqualTo(3);
    second.append(entries(3, 4), metrics);
    assertThat(traceIds(replayEverything(second))).containsExactly("trace-0", "trace-1", "trace-2", "trace-3");
    second.release();
  }

  @Test
  void aTornLastRecordIsIgnoredAndTheRecordsBeforeItAreKept() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 4), metrics);
    journal.release();
    Path segment = segmentFiles().get(0);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(file.length() - 7); // the crash hit while the last record was being written
    }

    Parsed parsed = JournalFormat.parse(Files.readAllBytes(segment));

    assertThat(traceIds(parsed.records())).containsExactly("trace-0", "trace-1", "trace-2");
    assertThat(parsed.tornTail()).isTrue();
    assertThat(parsed.corrupt()).isZero();
  }

  @Test
  void aRecordWithAFlippedBitIsSkippedAndCountedAndTheOthersAreReplayed() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 5), metrics);
    journal.release();
    Path segment = segmentFiles().get(0);
    byte[] data = Files.readAllBytes(segment);
    int recordLength = JournalFormat.encode(Record.of(entry(0))).length;
    int inThirdPayload = JournalFormat.FILE_HEADER.length + 2 * recordLength + 40;
    data[inThirdPayload] ^= 0x10;
    Files.write(segment, data);

    SpilloverJournal reopened = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    List<Record> read = replayEverything(reopened);

    assertThat(traceIds(read)).containsExactly("trace-0", "trace-1", "trace-3", "trace-4");
    assertThat(metrics.get(SqsSettings.COUNTER_CORRUPT)).isEqualTo(1);
    reopened.release();
  }

  @Test
  void aFlippedBitInALengthFieldLosesOnlyThatRecord() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 4), metrics);
    journal.release();
    Path segment = segmentFiles().get(0);
    byte[] data = Files.readAllBytes(segment);
    int recordLength = JournalFormat.encode(Record.of(entry(0))).length;
    data[JournalFormat.FILE_HEADER.length + recordLength + 5] ^= 0x40; // length of the second record

    Parsed parsed = JournalFormat.parse(data);

    assertThat(traceIds(parsed.records())).containsExactly("trace-0", "trace-2", "trace-3");
    assertThat(parsed.corrupt()).isEqualTo(1);
  }

  @Test
  void beyondTheCapTheOldestRecordsAreEvictedAndCounted() throws IOException {
    int recordLength = JournalFormat.encode(Record.of(entry(0))).length;
    long cap = 65_536;
    SpilloverJournal journal = SpilloverJournal.acquire(dir, cap, FsyncPolicy.NEVER);
    int total = (int) (3 * cap / recordLength);
    for (int i = 0; i < total; i++) {
      journal.append(List.of(entry(i)), metrics);
    }

    assertThat(journal.sizeBytes()).isLessThanOrEqualTo(cap);
    long evicted = metrics.get(SqsSettings.COUNTER_EVICTED);
    assertThat(evicted).isPositive();
    List<Record> kept = replayEverything(journal);
    assertThat(kept.size() + evicted).isEqualTo(total);
    // oldest first: what is kept is the newest, in order
    assertThat(traceIds(kept)).isEqualTo(IntStream.range((int) evicted, total)
        .mapToObj(i -> "trace-" + i).collect(Collectors.toList()));
    journal.release();
  }

  @Test
  void aBatchLargerThanTheWholeCapKeepsItsNewestRecordsAndCountsTheOthersAsEvicted() throws IOException {
    int recordLength = JournalFormat.encode(Record.of(entry(0))).length;
    long cap = 65_536;
    int total = (int) (2 * cap / recordLength);
    SpilloverJournal journal = SpilloverJournal.acquire(dir, cap, FsyncPolicy.ALWAYS);
    journal.append(entries(0, total), metrics);

    assertThat(journal.sizeBytes()).isLessThanOrEqualTo(cap);
    long evicted = metrics.get(SqsSettings.COUNTER_EVICTED);
    assertThat(evicted).isPositive();
    List<Record> kept = replayEverything(journal);
    assertThat(kept.size() + evicted).isEqualTo(total);
    assertThat(traceIds(kept)).isEqualTo(IntStream.range((int) evicted, total)
        .mapToObj(i -> "trace-" + i).collect(Collectors.toList()));
    journal.release();
  }

  @Test
  void aRecordLargerThanTheWriteBufferIsWrittenWhole() throws IOException {
    Entry big = new Entry("trace-big", "SDKTraceData", "key-big", "x".repeat(1_500_000));
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 64 << 20, FsyncPolicy.ALWAYS);
    journal.append(List.of(entry(1), big, entry(2)), metrics);

    List<Record> read = replayEverything(journal);

    assertThat(traceIds(read)).containsExactly("trace-1", "trace-big", "trace-2");
    assertThat(read.get(1).body()).isEqualTo(big.body);
    journal.release();
  }

  @Test
  void interruptingAThreadWhileItAppendsLosesNothing() throws Exception {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 64 << 20, FsyncPolicy.ALWAYS);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    Thread writer = new Thread(() -> {
      for (int batch = 0; batch < 200; batch++) {
        try {
          journal.append(entries(batch * 10, batch * 10 + 10), metrics);
          written.addAndGet(10);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }
    });
    writer.start();
    while (writer.isAlive()) {
      writer.interrupt(); // as SqsSink.shutdown interrupts its workers, possibly mid-append
      Thread.onSpinWait();
    }
    writer.join();

    assertThat(failure.get()).isNull();
    List<Record> read = replayEverything(journal);
    assertThat(read).hasSize(written.get()).hasSize(2_000);
    assertThat(metrics.get(SqsSettings.COUNTER_CORRUPT)).isZero();
    journal.release();
  }

  @Test
  void aPartlyReplayedSegmentIsReplacedByOneHoldingTheRest() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 6), metrics);
    Segment segment = journal.claimOldest();
    List<JournalFormat.Stored> stored = journal.read(segment, metrics).stored();

    journal.finish(segment, stored.subList(4, 6));

    assertThat(journal.recordCount()).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(traceIds(replayEverything(journal))).containsExactly("trace-4", "trace-5");
    journal.release();
  }

  @Test
  void anUnusableDirectoryFailsTheAppendWithoutThrowingAnythingElse() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    SpilloverJournal journal = SpilloverJournal.acquire(notADirectory.resolve("spill"), 1 << 20, FsyncPolicy.ALWAYS);

    assertThatThrownBy(() -> journal.append(entries(0, 2), metrics)).isInstanceOf(IOException.class);
    assertThat(journal.isEmpty()).isTrue();
    assertThat(journal.claimOldest()).isNull();
    journal.release();
  }
}
