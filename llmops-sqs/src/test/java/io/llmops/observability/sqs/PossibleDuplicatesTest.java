package io.llmops.observability.sqs;

import static io.llmops.observability.sqs.SqsTesting.PATIENCE;
import static io.llmops.observability.sqs.SqsTesting.config;
import static io.llmops.observability.sqs.SqsTesting.receiveTraces;
import static io.llmops.observability.sqs.SqsTesting.sendTrace;
import static io.llmops.observability.sqs.SqsTesting.traceIdsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Duplicates the sink cannot avoid are counted: a message sent again after an attempt whose
 * answer never came (SQS took it, the answer was lost), and a journal record replayed after it
 * may have been delivered already. The proxy in front of ElasticMQ lets every request through,
 * so each such attempt really did leave a copy in the queue, and the count must match exactly.
 */
class PossibleDuplicatesTest {

  @TempDir Path spillDir;
  @RegisterExtension final Cleanup cleanup = new Cleanup();


  @Test
  void aMessageSentAgainAfterItsAnswerWasLostIsCountedAsAPossibleDuplicate() throws Exception {
    ElasticMq server = cleanup.add(ElasticMq.start());
    String queue = server.createQueue("traces");
    FaultyProxy proxy = cleanup.add(new FaultyProxy(server.port)).swallowAnswers(2);
    Llmops.configure(config(proxy.queueUrl("traces"), spillDir).build());

    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      sent.add(sendTrace(i));
    }
    assertThat(Llmops.flush(Duration.ofSeconds(30))).isTrue();

    List<Message> received = receiveTraces(server, queue, sent.size(), new ArrayList<>());
    received.addAll(server.receive(queue, Duration.ofSeconds(2))); // stragglers
    assertThat(traceIdsOf(received)).isEqualTo(sent);
    assertThat(proxy.swallowed()).isEqualTo(2);
    LlmopsStats stats = Llmops.stats();
    long copiesBeyondTheFirst = received.size() - sent.size();
    assertThat(copiesBeyondTheFirst).as("the two swallowed answers left copies in the queue").isPositive();
    assertThat(stats.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES)).isEqualTo(copiesBeyondTheFirst);
    assertThat(stats.get(SqsSettings.COUNTER_SENT)).isEqualTo(sent.size());
    assertThat(stats.get(SqsSettings.COUNTER_SENT) + stats.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES))
        .as("copies in the queue = sqs.sent + sqs.possible_duplicates").isEqualTo(received.size());
  }

  @Test
  void messagesInFlightAtShutdownAreCountedAsPossibleDuplicatesWhenTheNextRunReplaysThem() throws Exception {
    ElasticMq server = cleanup.add(ElasticMq.start());
    String queue = server.createQueue("traces");
    FaultyProxy proxy = cleanup.add(new FaultyProxy(server.port)).holdAnswers(Duration.ofSeconds(20));
    Llmops.configure(config(proxy.queueUrl("traces"), spillDir)
        .set("LLMOPS_SQS_SHUTDOWN_TIMEOUT", "0.5")
        .set(SqsSettings.REQUEST_TIMEOUT, "60")
        .build());
    Set<String> sent = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      sent.add(sendTrace(i));
    }
    // SQS has them all; the answers are held back, so the sink still has them in flight.
    await().atMost(PATIENCE).until(() -> server.messagesHeld(queue) == 8);
    Llmops.shutdown(Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(5)).until(() -> Llmops.stats().get(SqsSettings.COUNTER_SPILLED) == 8);
    proxy.close();

    Llmops.configure(config(queue, spillDir).build());
    await().atMost(PATIENCE).until(() -> Llmops.stats().get(SqsSettings.COUNTER_REPLAYED) == 8);

    List<Message> received = receiveTraces(server, queue, sent.size(), new ArrayList<>());
    await().atMost(PATIENCE).until(() -> {
      received.addAll(server.receive(queue, Duration.ofSeconds(1)));
      return received.size() >= 16;
    });
    assertThat(traceIdsOf(received)).isEqualTo(sent);
    assertThat(received).as("each trace twice: from the first run and from the replay").hasSize(16);
    LlmopsStats stats = Llmops.stats();
    assertThat(stats.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES)).isEqualTo(8);
    assertThat(stats.get(SqsSettings.COUNTER_INHERITED)).isEqualTo(8);
  }
}
