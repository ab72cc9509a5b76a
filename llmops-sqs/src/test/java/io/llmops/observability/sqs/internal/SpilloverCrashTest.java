package io.llmops.observability.sqs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.testing.ChildJvmLogging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the spillover journal: a child JVM ({@link SpilloverCrashWriter}) appends
 * records through the real journal, fsync on every append, and replays part of it now and then;
 * it is killed with {@code destroyForcibly()} at a random moment, many times. After each kill the
 * journal is reopened and read as the sink's replay does: every record acknowledged before the
 * kill and not yet delivered is there, and every record read is intact (a torn last record is
 * ignored, never delivered).
 */
class SpilloverCrashTest {

  private static final int ROUNDS = 25;
  private static final Duration TOTAL_BUDGET = Duration.ofSeconds(120);

  @TempDir Path dir;
  @TempDir Path outputs;

  @Test
  void killedAtRandomMomentsTheJournalKeepsEveryAcknowledgedRecordAndDeliversNoCorruptOne() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    Set<Long> outstanding = new HashSet<>(); // acknowledged, not delivered, not consumed by this test
    long budgetEnd = System.nanoTime() + TOTAL_BUDGET.toNanos();
    int rounds = 0;
    long totalAcked = 0;
    long tornTails = 0;
    List<String> history = new ArrayList<>(); // what the last rounds did, for a failure message
    for (int round = 0; round < ROUNDS && System.nanoTime() < budgetEnd; round++, rounds++) {
      int killAfterAcks = 1 + random.nextInt(250);
      Child child = Child.start(dir, round * 10_000_000L, random.nextLong(), outputs.resolve("round-" + round));
      try {
        await("round " + round + " (seed " + seed + ") reaching " + killAfterAcks + " acks")
            .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
            .until(() -> child.report().acked.size() >= killAfterAcks || !child.process.isAlive());
        assertThat(child.process.isAlive()).as("the writer must still be running (seed %d)", seed).isTrue();
        LockSupport.parkNanos(random.nextInt(5_000_000)); // anywhere in the write/fsync/replay cycle
      } finally {
        child.process.destroyForcibly();
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Report report = child.report();
      history.add("round " + round + ": " + report.acked.size() + " acked; replays " + report.reads
          + "; journal at the kill:\n" + describe(dir));
      totalAcked += report.acked.size();
      outstanding.addAll(report.acked);
      outstanding.removeAll(report.delivered);

      SinkMetrics metrics = SinkMetrics.detached();
      boolean consume = random.nextBoolean();
      SpilloverJournal journal = SpilloverJournal.acquire(dir, SpilloverCrashWriter.CAP_BYTES, FsyncPolicy.ALWAYS);
      Set<Long> found = new HashSet<>();
      try {
        List<Segment> claimed = new ArrayList<>();
        Segment segment;
        while ((segment = journal.claimOldest()) != null) {
          claimed.add(segment);
          JournalFormat.Parsed parsed = journal.read(segment, metrics);
          tornTails += parsed.tornTail() ? 1 : 0;
          for (JournalFormat.Record record : parsed.records()) {
            long id = Long.parseLong(record.traceId().substring("trace-".length()));
            assertThat(record.body()).as("record %d intact (seed %d)", id, seed)
                .isEqualTo(SpilloverCrashWriter.body(id));
            assertThat(record.idempotencyKey()).isEqualTo("key-" + id);
            found.add(id);
          }
          // Keep the records for the next round half of the time (the next writer then starts
          // with segments it found), otherwise consume them as a successful replay would.
          journal.finish(segment, consume ? List.of() : parsed.stored());
          if (!consume) {
            break; // finish() released it: claimOldest() would hand out the same segment again
          }
        }
        if (!consume) {
          // read the rest without rewriting: parse the files directly
          for (Segment s : remainingSegments(journal, claimed)) {
            for (JournalFormat.Record record : JournalFormat.parse(Files.readAllBytes(s.path)).records()) {
              long id = Long.parseLong(record.traceId().substring("trace-".length()));
              assertThat(record.body()).isEqualTo(SpilloverCrashWriter.body(id));
              found.add(id);
            }
          }
        }
      } finally {
        journal.release();
      }
      assertThat(metrics.get(SqsSettings.COUNTER_CORRUPT)).as("corrupt records (seed %d)", seed).isZero();
      Set<Long> missing = new HashSet<>(outstanding);
      missing.removeAll(found);
      assertThat(missing).as("acknowledged records missing after round %d (seed %d); the last rounds:%n%s",
          round, seed, String.join("\n", history.subList(Math.max(0, history.size() - 3), history.size())))
          .isEmpty();
      if (consume) {
        outstanding.clear();
      }
    }
    System.out.println("SpilloverCrashTest: " + rounds + " kills, " + totalAcked + " acknowledged records, "
        + tornTails + " torn tail(s) ignored, seed " + seed);
    assertThat(rounds).isGreaterThanOrEqualTo(10);
  }

  /** Segments other than those claimed above, as the journal tracks them. */
  private static List<Segment> remainingSegments(SpilloverJournal journal,
      List<Segment> claimed) throws IOException {
    List<Segment> rest = new ArrayList<>();
    Set<Path> done = new HashSet<>();
    claimed.forEach(s -> done.add(s.path));
    try (var files = Files.list(journal.directory())) {
      files.filter(p -> p.getFileName().toString().endsWith(".spill") && !done.contains(p))
          .sorted()
          .forEach(p -> rest.add(new Segment(0, p)));
    }
    return rest;
  }

  /** Every file under the journal's directory and the ids of the records it holds. */
  private static String describe(Path dir) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        out.append("  ").append(file.getFileName()).append(' ').append(Files.size(file)).append(" bytes");
        if (file.getFileName().toString().endsWith(".spill")) {
          JournalFormat.Parsed parsed = JournalFormat.parse(Files.readAllBytes(file));
          out.append(", ids ").append(parsed.records().stream().map(JournalFormat.Record::traceId).toList())
              .append(parsed.tornTail() ? ", torn tail" : "");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** A running writer; its standard output goes to a file, read after the kill. */
  private static final class Child {
    final Process process;
    final Path output;

    private Child(Process process, Path output) {
      this.process = process;
      this.output = output;
    }

    static Child start(Path dir, long firstId, long seed, Path output) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1"));
      command.addAll(ChildJvmLogging.sameAsThisJvm());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          SpilloverCrashWriter.class.getName(), dir.toString(), Long.toString(firstId), Long.toString(seed)));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.redirectOutput(output.toFile());
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Child(builder.start(), output);
    }

    Report report() throws IOException {
      return Report.parse(Files.readAllLines(output, StandardCharsets.UTF_8));
    }
  }

  /** What a writer reported; a line cut by the kill (no final " .") acknowledges nothing. */
  private static final class Report {
    final Set<Long> acked = new HashSet<>();
    final Set<Long> delivered = new HashSet<>();
    final List<String> reads = new ArrayList<>();

    static Report parse(List<String> lines) {
      Report report = new Report();
      for (String line : lines) {
        if (!line.endsWith(" .")) {
          continue;
        }
        String[] parts = line.split(" ");
        switch (parts[0]) {
          case "ack" -> report.acked.add(Long.parseLong(parts[1]));
          case "delivered" -> report.delivered.add(Long.parseLong(parts[1]));
          case "read" -> report.reads.add(line.substring(5, line.length() - 2));
          default -> { }
        }
      }
      return report;
    }
  }
}
