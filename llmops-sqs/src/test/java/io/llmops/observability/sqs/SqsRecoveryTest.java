package io.llmops.observability.sqs;

import static io.llmops.observability.sqs.SqsTesting.PATIENCE;
import static io.llmops.observability.sqs.SqsTesting.config;
import static io.llmops.observability.sqs.SqsTesting.receiveTraces;
import static io.llmops.observability.sqs.SqsTesting.sendTrace;
import static io.llmops.observability.sqs.SqsTesting.traceIdsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once SQS answers again after an outage, the journal filled during the outage is replayed by the
 * same process at once, not at the end of the replay thread's backoff (which doubles while SQS
 * refuses) nor by the next process.
 */
class SqsRecoveryTest {

  /** Short, so that five refused replay rounds take 0.25 + 0.5 + 1 + 2 + 4 s, and the next one 8 s more. */
  private static final String REPLAY_INTERVAL = "0.25";

  @TempDir Path spillDir;
  @RegisterExtension final Cleanup cleanup = new Cleanup();


  @Test
  void afterAnOutageTheJournalIsReplayedAsSoonAsNewTrafficGetsThroughNotAfterTheReplayBackoff() {
    ElasticMq first = ElasticMq.start();
    int port = first.port;
    String queue = first.createQueue("traces");
    Llmops.configure(config(queue, spillDir)
        .set(SqsSettings.SPILLOVER_REPLAY_INTERVAL, REPLAY_INTERVAL)
        .set("LLMOPS_SQS_RETRY_ATTEMPTS", "0")
        .build());
    sendTrace(0); // delivered to the first server, which takes it along when it stops
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();
    first.close();

    Set<String> sent = ConcurrentHashMap.newKeySet();
    for (int i = 1; i <= 50; i++) {
      sent.add(sendTrace(i));
    }
    await().atMost(PATIENCE).until(() -> Llmops.stats().get(SqsSettings.COUNTER_SPILLED) == 50);
    // With no traffic, only the replay thread asks SQS: five refused rounds leave it backing off
    // for 8 s. SQS comes back at that moment.
    long requests = Llmops.stats().get(SqsSettings.COUNTER_REQUESTS);
    await().atMost(PATIENCE).until(() -> Llmops.stats().get(SqsSettings.COUNTER_REQUESTS) >= requests + 5);
    ElasticMq second = cleanup.add(ElasticMq.startOn(port));
    second.createQueue("traces");

    int[] next = {51};
    await("the journal replayed while new traces get through").atMost(Duration.ofSeconds(4))
        .pollInterval(Duration.ofMillis(100)).pollInSameThread()
        .until(() -> {
          sent.add(sendTrace(next[0]++));
          return Llmops.stats().get(SqsSettings.COUNTER_REPLAYED) >= 50;
        });
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();
    assertThat(traceIdsOf(receiveTraces(second, queue, sent.size(), new ArrayList<>()))).isEqualTo(sent);
    assertThat(Llmops.stats().get(SqsSettings.COUNTER_SENT)).as("new traffic went straight to SQS")
        .isGreaterThan(1);
  }
}
