package io.llmops.benchmarks;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.Entry;
import io.llmops.observability.sqs.internal.FsyncPolicy;
import io.llmops.observability.sqs.internal.SpilloverJournal;
import io.llmops.observability.sqs.internal.SqsSink;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The cost of {@code LLMOPS_SQS_DELIVERY=write-ahead} against the default {@code in-memory}, on
 * pre-built 20-span trace messages (about 10 KB each). Not JMH: the pipeline has background
 * threads, and the journal's cost is best read as CPU time of the calling thread (robust to a
 * loaded machine) next to its wall time (which includes waiting for the disk).
 * <ol>
 *   <li><b>the journal alone</b>: what write-ahead adds per message on the export worker (the
 *       write before the messages are queued, 64 per call) and on the workers (a mark before a
 *       batch of 10 is sent, a mark once SQS took it), with {@code LLMOPS_SPILLOVER_FSYNC}
 *       {@code always} and {@code never}; in-memory delivery does none of it;
 *   <li><b>the whole sink</b>: the same messages fed to {@link SqsSink#export} 64 at a time until
 *       an in-process ElasticMQ took them all, in three configurations per round, alternating,
 *       each on a fresh queue and journal: in-memory; write-ahead, fsync always; write-ahead,
 *       fsync never. Once directly (CPU-bound: ElasticMQ, the SDK and the sink share the cores)
 *       and once through a proxy holding each answer {@code roundTripMs}. Prints messages per
 *       second, process CPU per message and the time per message spent inside export().
 * </ol>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.SqsWriteAheadBenchmark
 * [messages=2000] [rounds=5] [roundTripMs=20]}.
 */
public final class SqsWriteAheadBenchmark {

  private static final Map<String, Map<String, String>> MODES = new LinkedHashMap<>();

  static {
    MODES.put("in-memory", Map.of(SqsSettings.DELIVERY, "in-memory"));
    MODES.put("write-ahead, fsync always",
        Map.of(SqsSettings.DELIVERY, "write-ahead", SqsSettings.SPILLOVER_FSYNC, "always"));
    MODES.put("write-ahead, fsync never",
        Map.of(SqsSettings.DELIVERY, "write-ahead", SqsSettings.SPILLOVER_FSYNC, "never"));
  }

  private SqsWriteAheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int roundTripMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path work = Files.createTempDirectory("llmops-sqs-wal-bench");
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    SqsAsyncClient client = SqsBenchmark.client(port);
    try {
      System.out.printf("SqsWriteAheadBenchmark: %d messages per measurement, %d rounds, Java %s, %d cores%n",
          count, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      List<TraceMessage> messages = SqsBenchmark.prebuiltMessages(count);
      System.out.printf("message bodies: %,d bytes on average%n",
          messages.stream().mapToLong(TraceMessage::bodySize).sum() / messages.size());
      journalAlone(messages, rounds, work);
      for (String mode : MODES.keySet()) { // warm-up, not counted
        run(client, port, port, "warm", mode, messages.subList(0, Math.min(500, messages.size())), work);
      }
      measure("directly", client, port, port, rounds, messages, work);
      try (SqsBenchmark.SlowProxy proxy = new SqsBenchmark.SlowProxy(port, roundTripMs)) {
        measure("with +" + roundTripMs + " ms per answer", client, port, proxy.port(), rounds, messages, work);
      }
    } finally {
      client.close();
      server.stopAndWait();
    }
  }

  /**
   * The journal's work per message in write-ahead mode, as the sink does it: per 64 messages one
   * write ahead; per 10, a {@code SENDING} mark and a {@code DONE} mark. Thread CPU and wall time.
   */
  private static void journalAlone(List<TraceMessage> messages, int rounds, Path work) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (FsyncPolicy fsync : List.of(FsyncPolicy.ALWAYS, FsyncPolicy.NEVER)) {
      double[] cpu = new double[rounds];
      double[] wall = new double[rounds];
      for (int round = -1; round < rounds; round++) { // round -1 warms up
        SpilloverJournal journal = SpilloverJournal.acquire(
            work.resolve("journal-" + fsync + "-" + round), 256L << 20, fsync);
        SinkMetrics metrics = SinkMetrics.detached();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < messages.size(); i += 64) {
          List<Entry> entries = new ArrayList<>(64);
          for (TraceMessage m : messages.subList(i, Math.min(i + 64, messages.size()))) {
            entries.add(new Entry(m.traceId(), m.type(), m.idempotencyKey(), m.body()));
          }
          journal.writeAhead(entries, metrics);
          for (int k = 0; k < entries.size(); k += 10) {
            List<Entry> batch = entries.subList(k, Math.min(k + 10, entries.size()));
            journal.sending(batch);
            journal.delivered(batch);
          }
        }
        if (round >= 0) {
          cpu[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / messages.size();
          wall[round] = (System.nanoTime() - wallStart) / 1e3 / messages.size();
        }
        journal.release();
      }
      System.out.printf("journal alone, fsync %s: per message %.1f us of thread CPU (rounds %s), %.1f us wall"
              + " (rounds %s)%n", fsync.name().toLowerCase(java.util.Locale.ROOT), SqsBenchmark.median(cpu),
          rounded(cpu), SqsBenchmark.median(wall), rounded(wall));
    }
  }

  private static String rounded(double[] values) {
    return java.util.Arrays.stream(values).mapToObj(v -> String.format("%.0f", v)).toList().toString();
  }

  private static void measure(String how, SqsAsyncClient client, int port, int sendPort, int rounds,
      List<TraceMessage> messages, Path work) throws Exception {
    Map<String, List<SqsBenchmark.SinkRun>> runs = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (String mode : MODES.keySet()) {
        runs.computeIfAbsent(mode, m -> new ArrayList<>())
            .add(run(client, port, sendPort, how + " " + round, mode, messages, work));
      }
    }
    SqsBenchmark.SinkRun base = median(runs.get("in-memory"));
    for (Map.Entry<String, List<SqsBenchmark.SinkRun>> entry : runs.entrySet()) {
      SqsBenchmark.SinkRun m = median(entry.getValue());
      System.out.printf("%s, median of %d rounds, %s: %.0f msg/s (%.2f of in-memory), %.0f us CPU per message"
              + " (%+.0f), %.1f us per message in export() (%+.1f)%n", how, rounds, entry.getKey(),
          m.messagesPerSecond(), m.messagesPerSecond() / base.messagesPerSecond(), m.cpuMicrosPerMessage(),
          m.cpuMicrosPerMessage() - base.cpuMicrosPerMessage(), m.exportMicrosPerMessage(),
          m.exportMicrosPerMessage() - base.exportMicrosPerMessage());
    }
  }

  private static SqsBenchmark.SinkRun run(SqsAsyncClient client, int port, int sendPort, String name, String mode,
      List<TraceMessage> messages, Path work) {
    String queue = (name + "-" + mode).replaceAll("[^A-Za-z0-9]+", "-");
    SqsBenchmark.createQueue(client, port, queue);
    try {
      return SqsBenchmark.sinkFedPrebuilt("http://127.0.0.1:" + sendPort + "/000000000000/" + queue, messages,
          work.resolve(queue), name + ", " + mode, MODES.get(mode));
    } finally {
      SqsBenchmark.deleteQueue(client, "http://127.0.0.1:" + port + "/000000000000/" + queue);
    }
  }

  /** The run with the median throughput, its other figures alongside. */
  private static SqsBenchmark.SinkRun median(List<SqsBenchmark.SinkRun> runs) {
    List<SqsBenchmark.SinkRun> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.messagesPerSecond(), b.messagesPerSecond()));
    return sorted.get(sorted.size() / 2);
  }
}
