package io.llmops.observability.sqs;

import static io.llmops.observability.sqs.SqsTesting.PATIENCE;
import static io.llmops.observability.sqs.SqsTesting.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.sqs.internal.SpilloverJournal;
import io.llmops.observability.sqs.internal.SqsSink;
import io.llmops.observability.sqs.internal.SqsSinkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * With {@code LLMOPS_SQS_DELIVERY=write-ahead}, a process killed with {@code kill -9} loses no
 * message that {@code export} had accepted. A child JVM ({@link SinkProcess}) exports as fast as
 * it can to ElasticMQ behind a proxy that holds every answer 200 ms, so that up to 2,000
 * messages wait in memory (its pending queue's bound) and the rest wait in the journal only; it
 * is killed at a random moment within 1.5 s. The next sink on the same directory delivers every accepted message; a message arrives
 * twice only if it was being sent at the kill, always with the same body, and no more copies
 * arrive than that sink counted as possible duplicates.
 */
class WriteAheadCrashTest {

  private static final int ROUNDS = 3;

  @TempDir Path work;

  @Test
  void aProcessKilledInWriteAheadModeLosesNothingExportAccepted() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    try (ElasticMq server = ElasticMq.start()) {
      for (int round = 0; round < ROUNDS; round++) {
        String queue = server.createQueue("traces-" + round);
        Path spillDir = work.resolve("spill-" + round);
        Set<Long> accepted;
        try (FaultyProxy proxy = new FaultyProxy(server.port).holdAnswers(Duration.ofMillis(200));
            ChildSink child = ChildSink.start(spillDir, proxy.queueUrl("traces-" + round), "write-ahead",
                work.resolve("child-" + round), SqsSettings.MAX_PENDING_MESSAGES + "=2000")) {
          long first = round * 1_000_000L;
          child.export(first, 20); // delivered before the kill, and marked so
          child.flush();
          child.flood(first + 20);
          LockSupport.parkNanos(100_000_000L + random.nextInt(1_400_000_000));
          child.kill();
          accepted = child.exported();
        }

        SinkMetrics metrics = SinkMetrics.detached();
        SqsSinkOptions options = SqsSinkOptions.from(config(queue, spillDir).build());
        SqsSink next = SqsSink.start(options, metrics);
        SpilloverJournal journal = SpilloverJournal.acquire(spillDir, options.spillMaxBytes(), options.fsync());
        try {
          await("the next sink replays what the journal holds").atMost(PATIENCE).until(journal::isEmpty);
        } finally {
          journal.release();
          next.shutdown(Duration.ofSeconds(5));
        }
        Map<Long, Integer> copies = receiveAll(server, queue);
        Set<Long> lost = new HashSet<>(accepted);
        lost.removeAll(copies.keySet());
        assertThat(lost.size()).as("round %d (seed %d): messages lost of %d accepted", round, seed, accepted.size())
            .isZero();
        long duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(duplicates).as("round %d (seed %d): copies beyond the first", round, seed)
            .isLessThanOrEqualTo(metrics.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES));
        System.out.printf("WriteAheadCrashTest round %d: %d accepted, %d received, %d replayed, %d duplicate(s),"
                + " %d counted as possible (seed %d)%n", round, accepted.size(), copies.size(),
            metrics.get(SqsSettings.COUNTER_REPLAYED), duplicates,
            metrics.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES), seed);
      }
    }
  }

  /** Every message in the queue by id, counting copies; each copy must be the message of its id. */
  private static Map<Long, Integer> receiveAll(ElasticMq server, String queue) {
    Map<Long, Integer> copies = new HashMap<>();
    List<Message> batch;
    do {
      batch = new ArrayList<>(server.receive(queue, Duration.ofSeconds(2)));
      for (Message m : batch) {
        long id = Long.parseLong(m.messageAttributes().get("trace_id").stringValue().substring("trace-".length()));
        assertThat(m.body()).isEqualTo(SinkProcess.message(id).body());
        copies.merge(id, 1, Integer::sum);
      }
    } while (!batch.isEmpty());
    return copies;
  }
}
