package io.llmops.observability.sqs.internal;

import static io.llmops.observability.sqs.internal.SpilloverJournalTest.entries;
import static io.llmops.observability.sqs.internal.SpilloverJournalTest.entry;
import static io.llmops.observability.sqs.internal.SpilloverJournalTest.replayEverything;
import static io.llmops.observability.sqs.internal.SpilloverJournalTest.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Mark;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Stored;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal records about messages after writing them: marks that say an attempt started,
 * SQS took them, or the attempt failed, which is how write-ahead delivery removes a message once
 * SQS took it, and how a replay cut short by a crash resumes after the last batch SQS took,
 * knowing which messages SQS may have already.
 */
class JournalMarksTest {

  @TempDir Path dir;
  private final SinkMetrics metrics = SinkMetrics.detached();

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".spill")).sorted().collect(Collectors.toList());
    }
  }

  private Parsed onlySegment() throws IOException {
    assertThat(segmentFiles()).hasSize(1);
    return JournalFormat.parse(Files.readAllBytes(segmentFiles().get(0)));
  }

  private static List<String> maybeDelivered(Parsed parsed) {
    return parsed.stored().stream().filter(Stored::maybeDelivered).map(s -> s.record().traceId()).toList();
  }

  @Test
  void messagesWrittenAheadAndMarkedDoneAreNoLongerWaitingAndThoseBeingSentMaySitInSqs() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    List<Entry> six = entries(0, 6);
    journal.writeAhead(six, metrics);
    journal.sending(six.subList(0, 4));
    journal.delivered(six.subList(0, 2));
    journal.notSent(six.subList(2, 3));

    // what a process killed at this moment leaves
    Parsed parsed = onlySegment();

    assertThat(traceIds(parsed.records())).containsExactly("trace-2", "trace-3", "trace-4", "trace-5");
    assertThat(maybeDelivered(parsed)).containsExactly("trace-3");
    assertThat(parsed.corrupt()).isZero();
    assertThat(journal.recordCount()).isEqualTo(4);
    journal.release();
  }

  @Test
  void messagesWrittenAheadAreNotReplayedWhileAWorkerHoldsThem() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    List<Entry> three = entries(0, 3);
    journal.writeAhead(three, metrics);
    assertThat(journal.claimOldest()).isNull();

    journal.leave(three.subList(0, 1)); // a worker gave it up: SQS did not take it
    assertThat(journal.claimOldest()).as("two are still held").isNull();
    journal.delivered(three.subList(1, 3));

    assertThat(traceIds(replayEverything(journal, metrics))).containsExactly("trace-0");
    journal.release();
  }

  @Test
  void aSegmentWhoseMessagesWereAllDeliveredIsDeleted() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    List<Entry> five = entries(0, 5);
    journal.writeAhead(five, metrics);
    journal.delivered(five);
    assertThat(journal.isEmpty()).isTrue();

    journal.release();

    assertThat(segmentFiles()).isEmpty();
  }

  @Test
  void aSpilledMessageAnEarlierAttemptMayHaveDeliveredIsFlaggedSo() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    List<Entry> three = entries(0, 3);
    three.get(1).maybeDelivered = true; // its last attempt timed out
    journal.append(three, metrics);
    journal.release();

    assertThat(maybeDelivered(onlySegment())).containsExactly("trace-1");
  }

  @Test
  void aReplayCutShortByACrashResumesAfterTheLastBatchSqsTookAndFlagsTheBatchUnderWay() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(entries(0, 6), metrics);
    Segment segment = journal.claimOldest();
    List<Stored> stored = journal.read(segment, metrics).stored();
    journal.mark(segment, Mark.SENDING, offsets(stored.subList(0, 3)));
    journal.mark(segment, Mark.DONE, offsets(stored.subList(0, 3)));
    journal.mark(segment, Mark.SENDING, offsets(stored.subList(3, 6)));
    journal.mark(segment, Mark.NOT_SENT, offsets(stored.subList(5, 6)));

    // the crash: the segment is never finished
    Parsed parsed = onlySegment();

    assertThat(traceIds(parsed.records())).containsExactly("trace-3", "trace-4", "trace-5");
    assertThat(maybeDelivered(parsed)).containsExactly("trace-3", "trace-4");
    journal.release();
  }

  @Test
  void aTornTailIsCutOffBeforeTheReplayAppendsItsMarks() throws IOException {
    SpilloverJournal first = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    first.append(entries(0, 4), metrics);
    first.release();
    try (RandomAccessFile file = new RandomAccessFile(segmentFiles().get(0).toFile(), "rw")) {
      file.setLength(file.length() - 7); // the crash hit while the last record was being written
    }
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    Segment segment = journal.claimOldest();
    List<Stored> stored = journal.read(segment, metrics).stored();

    journal.mark(segment, Mark.DONE, offsets(stored.subList(0, 1)));

    Parsed parsed = onlySegment();
    assertThat(traceIds(parsed.records())).containsExactly("trace-1", "trace-2");
    assertThat(parsed.tornTail()).isFalse();
    assertThat(parsed.corrupt()).isZero();
    journal.finish(segment, stored.subList(1, 3));
    assertThat(metrics.get(SqsSettings.COUNTER_CORRUPT)).isZero();
    journal.release();
  }

  @Test
  void aRewrittenSegmentKeepsWhatItsMessagesMayHaveBeenThrough() throws IOException {
    SpilloverJournal journal = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    journal.append(List.of(entry(0), entry(1), entry(2)), metrics);
    Segment segment = journal.claimOldest();
    List<Stored> stored = journal.read(segment, metrics).stored();

    journal.finish(segment, List.of(stored.get(1).withMaybeDelivered(true), stored.get(2)));

    Parsed parsed = onlySegment();
    assertThat(traceIds(parsed.records())).containsExactly("trace-1", "trace-2");
    assertThat(maybeDelivered(parsed)).containsExactly("trace-1");
    journal.release();
  }

  private static int[] offsets(List<Stored> stored) {
    return stored.stream().mapToInt(Stored::offset).toArray();
  }
}
