package io.llmops.observability.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.sqs.internal.FsyncPolicy;
import io.llmops.observability.sqs.internal.SpilloverJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SQS unreachable and a 128 MiB heap, 100,000 finalized traces through the public API (in
 * a child JVM, {@link BoundedMemoryApp}) neither exhaust memory nor hold up the caller, and every
 * trace is accounted for by a counter.
 *
 * <p>The identities checked (documented in docs/OPERATIONS.md):
 * <pre>
 * traces.finalized = handed_off.sqs + export_failed.sqs + dropped.queue_full
 *                    + dropped.encoding_failed + dropped.shutdown + dropped.shutdown_timeout
 * handed_off.sqs   = sqs.sent + sqs.spilled + dropped.spill_failed + dropped.sqs_rejected
 *                    (SQS down: sqs.sent = 0; nothing is replayed)
 * sqs.spilled      = sqs.evicted + records left in the journal
 * </pre>
 */
class BoundedMemoryTest {

  private static final int TRACES = 100_000;
  private static final int MAX_BLOCK_MS = 100;

  @TempDir Path work;

  @Test
  void withSqsDownAndA128MbHeap100000TracesNeitherExhaustMemoryNorBlockCallersAndEveryLossIsCounted()
      throws Exception {
    Map<String, String> out = runChild(TRACES, "api");
    // No caller waited for SQS: finalizeAndSend only hands the trace to the export queue. The
    // sink's own bound (LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS) applies on the export worker; a caller
    // stays far below it even counting GC pauses of the small heap.
    assertThat(Long.parseLong(out.get("finalize_max_us"))).isLessThan((MAX_BLOCK_MS + 900) * 1_000L);
    assertThat(Long.parseLong(out.get("finalize_p99_us"))).isLessThan(MAX_BLOCK_MS * 1_000L);

    long finalized = counter(out, "traces.finalized");
    assertThat(finalized).isEqualTo(TRACES);
    assertThat(counter(out, "traces.started")).isEqualTo(TRACES);
    long exported = counter(out, "handed_off.sqs");
    assertThat(exported).isPositive();
    assertThat(exported + counter(out, "export_failed.sqs") + counter(out, "dropped.queue_full")
        + counter(out, "dropped.encoding_failed") + counter(out, "dropped.shutdown")
        + counter(out, "dropped.shutdown_timeout"))
        .as("every finalized trace was handed to the sink or counted as dropped").isEqualTo(finalized);
    assertThat(counter(out, "sqs.sent")).isZero();
    long spilled = counter(out, SqsSettings.COUNTER_SPILLED);
    assertThat(spilled).isPositive();
    assertThat(spilled + counter(out, SqsSettings.DROPPED_SPILL_FAILED) + counter(out, SqsSettings.DROPPED_REJECTED))
        .as("every message the sink accepted was spilled or counted as lost").isEqualTo(exported);

    SpilloverJournal journal = SpilloverJournal.acquire(work.resolve("spill"), 16L << 20, FsyncPolicy.ALWAYS);
    try {
      assertThat(journal.sizeBytes()).isLessThanOrEqualTo(16L << 20);
      assertThat(counter(out, SqsSettings.COUNTER_EVICTED) + journal.recordCount())
          .as("spilled records are in the journal or counted as evicted").isEqualTo(spilled);
    } finally {
      journal.release();
    }
  }

  @Test
  void withSqsDownAndA128MbHeap100000MessagesFedToTheSinkAreSpilledEvictedAtTheCapAndCounted()
      throws Exception {
    Map<String, String> out = runChild(TRACES, "sink");

    // export() waits at most LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS for room, then writes to the journal.
    assertThat(Long.parseLong(out.get("export_max_us"))).isLessThan((MAX_BLOCK_MS + 1_000) * 1_000L);
    assertThat(counter(out, SqsSettings.COUNTER_SENT)).isZero();
    long spilled = counter(out, SqsSettings.COUNTER_SPILLED);
    assertThat(spilled + counter(out, SqsSettings.DROPPED_SPILL_FAILED) + counter(out, SqsSettings.DROPPED_REJECTED))
        .as("every message handed to the sink was spilled or counted as lost").isEqualTo(TRACES);
    long evicted = counter(out, SqsSettings.COUNTER_EVICTED);
    assertThat(evicted).as("100,000 messages of ~2 KB exceed the 16 MiB cap").isPositive();
    SpilloverJournal journal = SpilloverJournal.acquire(work.resolve("spill"), 16L << 20, FsyncPolicy.ALWAYS);
    try {
      // The cap can be exceeded by up to one segment (cap / 4) while the replay thread holds the
      // oldest segment: that one cannot be evicted until its replay attempt ends.
      assertThat(journal.sizeBytes()).isLessThanOrEqualTo((16L << 20) + (4L << 20));
      assertThat(evicted + journal.recordCount()).isEqualTo(spilled);
    } finally {
      journal.release();
    }
  }

  /** Runs {@link BoundedMemoryApp} with SQS unreachable and returns what it printed. */
  private Map<String, String> runChild(int count, String mode) throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Path spillDir = work.resolve("spill");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), BoundedMemoryApp.class.getName(),
        spillDir.toString(), ElasticMq.queueUrl(closedPort, "traces"), Integer.toString(count),
        Integer.toString(MAX_BLOCK_MS), mode)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("child.log").toFile())
        .start();
    boolean exited = process.waitFor(150, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String log = Files.readString(work.resolve("child.log"));
    Map<String, String> out = parse(log);
    System.out.println("BoundedMemoryTest child (" + mode + "): " + out);

    assertThat(exited).as("the child exits by itself (no thread keeps it alive)\n%s", tail(log)).isTrue();
    assertThat(process.exitValue()).as("exit code\n%s", tail(log)).isZero();
    assertThat(log).doesNotContain("OutOfMemoryError");
    assertThat(out).containsEntry("done", "true");
    return out;
  }

  private static long counter(Map<String, String> out, String name) {
    return Long.parseLong(out.getOrDefault("counter." + name, "0"));
  }

  private static Map<String, String> parse(String log) throws IOException {
    Map<String, String> values = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new java.io.StringReader(log))) {
      String line;
      while ((line = in.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.contains(" ")) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return values;
  }

  private static String tail(String log) {
    return log.length() <= 4_000 ? log : log.substring(log.length() - 4_000);
  }
}
