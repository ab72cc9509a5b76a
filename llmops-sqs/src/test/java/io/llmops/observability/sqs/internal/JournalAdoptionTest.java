package io.llmops.observability.sqs.internal;

import static io.llmops.observability.sqs.internal.SpilloverJournalTest.entries;
import static io.llmops.observability.sqs.internal.SpilloverJournalTest.replayEverything;
import static io.llmops.observability.sqs.internal.SpilloverJournalTest.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two journals on one directory, as two processes would have them (here in one JVM: a lock this
 * JVM already holds counts as held): the second writes to its {@code process-<pid>}
 * subdirectory; once it is gone the owner adopts what it left, and once the owner is gone the
 * second takes the directory over. The child-JVM version, with kill -9 and SQS, is
 * {@code RollingRestartTest}; a kill in the middle of an adoption, {@link AdoptionCrashTest}.
 */
class JournalAdoptionTest {

  @TempDir Path dir;
  private final SinkMetrics metrics = SinkMetrics.detached();

  /** A second journal on {@link #dir}, as another process would open it. */
  private SpilloverJournal secondProcess() {
    return new SpilloverJournal(dir, 10 << 20, FsyncPolicy.ALWAYS);
  }

  @Test
  void theOwnerAdoptsTheSubdirectoryOfAProcessThatIsGoneAndNotBefore() throws IOException {
    SpilloverJournal owner = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    owner.append(entries(0, 2), metrics);
    SpilloverJournal second = secondProcess();
    Path subdirectory = second.directory();
    assertThat(subdirectory.getParent()).isEqualTo(dir);
    assertThat(subdirectory.getFileName().toString()).startsWith("process-");
    second.append(entries(2, 5), metrics);

    owner.adoptOrphans(metrics);
    assertThat(owner.recordCount()).as("the second process still runs").isEqualTo(2);

    second.release();
    owner.adoptOrphans(metrics);

    assertThat(owner.recordCount()).isEqualTo(5);
    assertThat(metrics.get(SqsSettings.COUNTER_INHERITED)).isEqualTo(3);
    assertThat(subdirectory).doesNotExist();
    assertThat(traceIds(replayEverything(owner, metrics)))
        .containsExactly("trace-0", "trace-1", "trace-2", "trace-3", "trace-4");
    owner.release();
  }

  @Test
  void aProcessSpillingToItsSubdirectoryTakesTheDirectoryOverOnceTheOwnerIsGone() throws IOException {
    SpilloverJournal owner = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    owner.append(entries(0, 2), metrics);
    SpilloverJournal second = secondProcess();
    Path subdirectory = second.directory();
    second.append(entries(2, 5), metrics);
    second.adoptOrphans(metrics);
    assertThat(second.directory()).as("the owner still runs").isEqualTo(subdirectory);

    owner.release();
    second.adoptOrphans(metrics);

    assertThat(second.directory()).isEqualTo(dir);
    assertThat(subdirectory).doesNotExist();
    assertThat(metrics.get(SqsSettings.COUNTER_INHERITED)).as("what the owner left").isEqualTo(2);
    second.append(entries(5, 6), metrics);
    assertThat(traceIds(replayEverything(second, metrics)))
        .containsExactly("trace-0", "trace-1", "trace-2", "trace-3", "trace-4", "trace-5");
    second.release();
    assertThat(dir).as("emptied: not even a lock file is left").isEmptyDirectory();
  }

  @Test
  void messagesWrittenAheadStayTrackedWhenTheirSegmentMovesInATakeOver() throws IOException {
    SpilloverJournal owner = SpilloverJournal.acquire(dir, 10 << 20, FsyncPolicy.ALWAYS);
    SpilloverJournal second = secondProcess();
    List<Entry> inFlight = entries(0, 3);
    second.writeAhead(inFlight, metrics);
    owner.release();
    second.adoptOrphans(metrics);

    second.delivered(inFlight.subList(0, 2));
    second.leave(inFlight.subList(2, 3));

    assertThat(traceIds(replayEverything(second, metrics))).containsExactly("trace-2");
    second.release();
  }
}
