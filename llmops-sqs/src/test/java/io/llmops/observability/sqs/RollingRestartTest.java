package io.llmops.observability.sqs;

import static io.llmops.observability.sqs.SqsTesting.PATIENCE;
import static io.llmops.observability.sqs.SqsTesting.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A rolling restart: while the process that owns the spillover directory still runs, the next
 * one starts on the same directory and spills to its own {@code process-<pid>} subdirectory (SQS
 * is down). Whatever the order in which they end, every spilled message is delivered once SQS is
 * back: the owner adopts the subdirectory of a process that is gone, a process spilling to its
 * subdirectory takes the directory over when the owner is gone, and the next process adopts
 * what both left. Real child JVMs ({@link SinkProcess}), killed with {@code kill -9} where it
 * says so, and ElasticMQ.
 */
class RollingRestartTest {

  @TempDir Path spillDir;
  @TempDir Path outputs;
  @RegisterExtension final Cleanup cleanup = new Cleanup();
  private int port;


  /** SQS is down: nothing listens on the port of the queue URL until {@link #sqsComesBack}. */
  private String downQueue() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return ElasticMq.queueUrl(port, "traces");
  }

  private ElasticMq sqsComesBack() {
    ElasticMq server = cleanup.add(ElasticMq.startOn(port));
    server.createQueue("traces");
    return server;
  }

  private ChildSink child(String name, String queueUrl) throws IOException {
    return cleanup.add(ChildSink.start(spillDir, queueUrl, "in-memory", outputs.resolve(name)));
  }

  private static Set<Long> ids(long from, long to) {
    Set<Long> ids = new HashSet<>();
    LongStream.range(from, to).forEach(ids::add);
    return ids;
  }

  /** Receives until every id in {@code expected} arrived; returns the ids received. */
  private static Set<Long> receiveIds(ElasticMq server, Set<Long> expected) {
    String queue = ElasticMq.queueUrl(server.port, "traces");
    Set<Long> received = new HashSet<>();
    await().atMost(PATIENCE).untilAsserted(() -> {
      for (Message m : server.receive(queue, Duration.ofSeconds(1))) {
        received.add(Long.parseLong(m.messageAttributes().get("trace_id").stringValue().substring("trace-".length())));
      }
      Set<Long> missing = new HashSet<>(expected);
      missing.removeAll(received);
      assertThat(missing.size()).as("messages of %d not delivered", expected.size()).isZero();
    });
    return received;
  }

  private static long segmentsIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".spill")).count();
    }
  }

  /** Everything that reached the journal (spilled here or taken over) was replayed. */
  private static void assertJournalDrained(Map<String, Long> counters) {
    assertThat(counters.get(SqsSettings.COUNTER_REPLAYED))
        .isEqualTo(counters.get(SqsSettings.COUNTER_INHERITED) + counters.get(SqsSettings.COUNTER_SPILLED));
  }

  @Test
  void theOwnerDeliversWhatASecondProcessSpilledToItsSubdirectoryOnceThatProcessEndedAndSqsIsBack()
      throws Exception {
    String queue = downQueue();
    ChildSink owner = child("owner", queue);
    ChildSink second = child("second", queue);
    assertThat(owner.journalDirectory()).isEqualTo(spillDir);
    Path subdirectory = second.journalDirectory();
    assertThat(subdirectory.getParent()).isEqualTo(spillDir);

    second.export(0, 400);
    Map<String, Long> secondCounters = second.shutdown();
    assertThat(secondCounters.get(SqsSettings.COUNTER_SPILLED)).isEqualTo(400);

    ElasticMq server = sqsComesBack();
    owner.export(400, 10); // new traffic gets through and wakes the replay
    assertThat(receiveIds(server, ids(0, 410))).isEqualTo(ids(0, 410));
    Map<String, Long> ownerCounters = owner.shutdown();
    assertThat(ownerCounters.get(SqsSettings.COUNTER_INHERITED)).isEqualTo(400);
    assertJournalDrained(ownerCounters);
    assertThat(subdirectory).doesNotExist();
  }

  @Test
  void aProcessSpillingToItsSubdirectoryTakesTheDirectoryOverWhenTheOwnerIsKilled() throws Exception {
    String queue = downQueue();
    ChildSink owner = child("owner", queue);
    ChildSink second = child("second", queue);
    Path subdirectory = second.journalDirectory();
    second.export(0, 400);
    owner.export(400, 100);
    owner.flush();
    owner.kill();

    await("the second process moved its segments into the directory").atMost(PATIENCE)
        .until(() -> !Files.exists(subdirectory));
    ElasticMq server = sqsComesBack();
    second.export(500, 10);
    assertThat(receiveIds(server, ids(0, 510))).isEqualTo(ids(0, 510));
    Map<String, Long> counters = second.shutdown();
    assertThat(counters.get(SqsSettings.COUNTER_INHERITED)).as("the owner's 100").isEqualTo(100);
    assertJournalDrained(counters);
    assertThat(segmentsIn(spillDir)).isZero();
  }

  @Test
  void theNextProcessDeliversWhatTheKilledOwnerAndASecondProcessLeft() throws Exception {
    String queue = downQueue();
    ChildSink owner = child("owner", queue);
    ChildSink second = child("second", queue);
    Path subdirectory = second.journalDirectory();
    owner.export(0, 100);
    second.export(100, 400);
    owner.flush();
    second.flush();
    ChildSink.killAll(owner, second);

    ElasticMq server = sqsComesBack();
    Llmops.configure(config(queue, spillDir).build());
    assertThat(receiveIds(server, ids(0, 500))).isEqualTo(ids(0, 500));
    assertThat(Llmops.stats().get(SqsSettings.COUNTER_INHERITED)).isEqualTo(500);
    assertThat(Llmops.stats().get(SqsSettings.COUNTER_REPLAYED)).isEqualTo(500);
    assertThat(subdirectory).doesNotExist();
  }
}
