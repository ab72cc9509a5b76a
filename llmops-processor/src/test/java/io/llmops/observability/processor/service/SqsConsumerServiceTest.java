package io.llmops.observability.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.llmops.observability.testing.CapturedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqsConsumerServiceTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final TestQueue queue = new TestQueue();
  private final List<SqsConsumerService> services = new ArrayList<>();

  @AfterEach
  void stop() {
    services.forEach(SqsConsumerService::close);
    queue.close();
  }

  private SqsConsumerService started(ScriptedProcessor processor, ConsumerOptions options) {
    SqsConsumerService service = new SqsConsumerService(queue.client, processor, options);
    services.add(service);
    service.start();
    return service;
  }

  @Test
  void everyMessageIsProcessedOnceAndDeleted() {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      bodies.add("message-" + i);
    }
    queue.send(bodies.toArray(String[]::new));
    ScriptedProcessor processor = new ScriptedProcessor();
    SqsConsumerService service = started(processor, queue.options(3));

    await().atMost(PATIENCE).until(() -> queue.held() == 0);
    assertThat(processor.done()).containsExactlyInAnyOrderElementsOf(bodies);
    assertThat(service.counters()).containsEntry("received", 25L).containsEntry("deleted", 25L)
        .containsEntry("retried", 0L).containsEntry("in_flight", 0L);
  }

  @Test
  void aMessageToRetryComesBackAfterItsVisibilityTimeoutAndIsDoneOnce() {
    queue.send("fine", "flaky");
    ScriptedProcessor processor = new ScriptedProcessor().retrying("flaky", 1);
    SqsConsumerService service = started(processor, queue.options(1));

    await().atMost(PATIENCE).until(() -> queue.held() == 0);
    assertThat(processor.timesSeen("flaky")).isEqualTo(2);
    assertThat(processor.done()).containsExactlyInAnyOrder("fine", "flaky");
    assertThat(service.counters()).containsEntry("retried", 1L).containsEntry("deleted", 2L);
  }

  @Test
  void withARetryDelayAMessageToRetryComesBackLongBeforeItsVisibilityTimeout() {
    queue.send("flaky");
    ScriptedProcessor processor = new ScriptedProcessor().retrying("flaky", 1);
    ConsumerOptions retryAfterOneSecond = new ConsumerOptions(queue.url, 1, Duration.ofSeconds(1),
        10, Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(1),
        Duration.ofSeconds(60), Duration.ofSeconds(5));
    SqsConsumerService service = started(processor, retryAfterOneSecond);

    // Left for its visibility timeout, it would be back after 60 s.
    await().atMost(Duration.ofSeconds(30)).until(() -> queue.held() == 0);
    assertThat(processor.timesSeen("flaky")).isEqualTo(2);
    assertThat(service.counters()).containsEntry("retried", 1L)
        .containsEntry("visibility_change_failed", 0L);
  }

  @Test
  void aSlowBatchKeepsItsMessagesInvisibleUntilItIsDone() throws Exception {
    queue.send("slow");
    ScriptedProcessor processor = new ScriptedProcessor().holding();
    SqsConsumerService service = started(processor, queue.options(1));
    processor.awaitBatchStarted();

    // Three visibility timeouts (2 s each) pass while the batch is held: the heartbeat keeps the
    // message from every other receive.
    await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
        .until(() -> queue.receiveWithoutDeleting(Duration.ofSeconds(1)).isEmpty());
    assertThat(service.counters().get("visibility_extended")).isGreaterThanOrEqualTo(3L);
    assertThat(service.counters()).containsEntry("in_flight", 1L);

    processor.release();
    await().atMost(PATIENCE).until(() -> queue.held() == 0);
    assertThat(processor.timesSeen("slow")).isEqualTo(1);
  }

  @Test
  void aShutdownLetsTheBatchInProgressFinishWithinTheDeadline() throws Exception {
    queue.send("in-progress");
    ScriptedProcessor processor = new ScriptedProcessor().holding();
    SqsConsumerService service = started(processor, queue.options(2));
    processor.awaitBatchStarted();

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::close);
    await().atMost(PATIENCE).until(() -> !service.healthy());
    processor.release();
    shutdown.get();

    assertThat(processor.done()).containsExactly("in-progress");
    assertThat(queue.held()).isZero();
    assertThat(service.counters()).containsEntry("deleted", 1L).containsEntry("released", 0L);
  }

  @Test
  void aShutdownReleasesTheMessagesOfABatchThatOutlivesTheDeadline() throws Exception {
    queue.send("first", "second");
    ScriptedProcessor stuck = new ScriptedProcessor().holding();
    ConsumerOptions noPatience = new ConsumerOptions(queue.url, 1, Duration.ofSeconds(1), 10,
        Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60),
        Duration.ZERO);
    SqsConsumerService leaving = started(stuck, noPatience);
    stuck.awaitBatchStarted();

    try (CapturedLog log = CapturedLog.open()) {
      leaving.close();
      assertThat(log.text()).contains("did not finish within");
    }
    assertThat(leaving.counters()).containsEntry("released", 2L);

    // Released, not left for the 20 s visibility timeout: the next consumer has them at once.
    ScriptedProcessor next = new ScriptedProcessor();
    started(next, queue.options(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> next.done().size() == 2);
    stuck.release();
    await().atMost(PATIENCE).until(() -> queue.held() == 0);
    assertThat(next.done()).containsExactlyInAnyOrder("first", "second");
    assertThat(leaving.counters()).containsEntry("deleted", 0L);
  }

  @Test
  void messagesOfAConsumerThatDiedMidBatchComeBackAndAreProcessedOnceByAnother() {
    queue.send("a", "b", "c");
    // A consumer receives the batch and dies before deleting anything.
    assertThat(queue.receiveWithoutDeleting(Duration.ofSeconds(2))).hasSize(3);
    assertThat(queue.receiveWithoutDeleting(Duration.ofSeconds(2))).isEmpty();

    ScriptedProcessor survivor = new ScriptedProcessor();
    started(survivor, queue.options(2));

    await().atMost(PATIENCE).until(() -> queue.held() == 0);
    assertThat(survivor.done()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(List.of("a", "b", "c")).allMatch(body -> survivor.timesSeen(body) == 1);
  }

  @Test
  void aProcessorThatThrowsLeavesItsBatchOnTheQueue() {
    queue.send("kept");
    ScriptedProcessor processor = new ScriptedProcessor().throwing();
    try (CapturedLog log = CapturedLog.open()) {
      SqsConsumerService service = started(processor, queue.options(1));
      await().atMost(PATIENCE).until(() -> service.counters().get("processor_failures") >= 1);
      assertThat(log.text()).contains("the batch processor threw", "stays on the queue");
      assertThat(service.counters()).containsEntry("deleted", 0L);
      service.close();
    }
    assertThat(queue.held()).isEqualTo(1);
  }

  @Test
  void theSweepRunsEverySweepInterval() {
    ScriptedProcessor processor = new ScriptedProcessor();
    SqsConsumerService service = started(processor, queue.options(1));

    await().atMost(PATIENCE).until(() -> processor.sweeps() >= 3);
    assertThat(service.counters().get("sweeps")).isGreaterThanOrEqualTo(3L);
    assertThat(service.counters()).containsEntry("sweep_failures", 0L);
  }
}
