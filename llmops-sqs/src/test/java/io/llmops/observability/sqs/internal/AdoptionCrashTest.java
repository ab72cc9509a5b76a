package io.llmops.observability.sqs.internal;

import static io.llmops.observability.sqs.internal.SpilloverJournalTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.internal.JournalFormat.Record;
import io.llmops.observability.sqs.internal.JournalFormat.Stored;
import io.llmops.observability.testing.ChildJvmLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An owner killed with {@code kill -9} in the middle of adopting what a process that is gone
 * left in its subdirectory loses and duplicates nothing: each segment is in the subdirectory or
 * in the directory, never in both, never in neither, and the next owner adopts the rest. A child
 * JVM ({@link AdoptionCrashChild}) adopts 1,500 one-record segments and is killed at a random
 * moment within 30 ms of its first move, several times.
 */
class AdoptionCrashTest {

  static final long CAP_BYTES = 64L << 20;
  private static final int SEGMENTS = 1_500;
  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void killedWhileAdoptingTheOwnerLosesAndDuplicatesNoRecord() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Path root = dir.resolve("round-" + round);
      Path orphan = root.resolve("process-999999999");
      Files.createDirectories(orphan);
      for (int i = 0; i < SEGMENTS; i++) {
        SegmentFiles.publish(SegmentFiles.path(orphan, i + 1),
            List.of(new Stored(Record.of(entry(i)), JournalFormat.FILE_HEADER.length, false)), false);
      }

      Process child = start(root);
      try {
        // once the first segment has moved, kill it within the next 30 ms: amid the renames
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
            .until(() -> movedAlready(root) || !child.isAlive());
        LockSupport.parkNanos(random.nextInt(30_000_000));
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      Map<String, Integer> copies = recordsUnder(root);
      long leftBehind = Files.exists(orphan) ? segmentFilesUnder(orphan).size() : 0;
      assertThat(copies).as("round %d (seed %d): every record once, in one place or the other", round, seed)
          .hasSize(SEGMENTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

      SinkMetrics metrics = SinkMetrics.detached();
      SpilloverJournal next = SpilloverJournal.acquire(root, CAP_BYTES, FsyncPolicy.NEVER);
      try {
        next.adoptOrphans(metrics);
        assertThat(orphan).doesNotExist();
        assertThat(next.recordCount()).isEqualTo(SEGMENTS);
        assertThat(SpilloverJournalTest.replayEverything(next, metrics).stream().map(Record::traceId).distinct())
            .hasSize(SEGMENTS);
      } finally {
        next.release();
      }
      System.out.println("AdoptionCrashTest round " + round + ": " + (SEGMENTS - leftBehind) + " of "
          + SEGMENTS + " segments adopted before the kill (seed " + seed + ")");
    }
  }

  /** Whether a segment file is in {@code root} itself: the adoption has begun moving them. */
  private static boolean movedAlready(Path root) throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".spill"));
    }
  }

  private static Process start(Path root) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1"));
    command.addAll(ChildJvmLogging.sameAsThisJvm());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        AdoptionCrashChild.class.getName(), root.toString()));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  /** How many times each trace id appears in the segment files anywhere under {@code root}. */
  private static Map<String, Integer> recordsUnder(Path root) throws IOException {
    Map<String, Integer> copies = new HashMap<>();
    for (Path file : segmentFilesUnder(root)) {
      for (Record record : JournalFormat.parse(Files.readAllBytes(file)).records()) {
        copies.merge(record.traceId(), 1, Integer::sum);
      }
    }
    return copies;
  }

  private static List<Path> segmentFilesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".spill")).toList());
    }
  }
}
