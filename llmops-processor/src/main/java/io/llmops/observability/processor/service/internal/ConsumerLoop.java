package io.llmops.observability.processor.service.internal;

import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.IncomingMessage;
import io.llmops.observability.processor.service.ConsumerOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One consumer: long-polls the queue, hands each batch to the processor, deletes what is done and
 * leaves the rest (optionally sooner back with a backoff). A message is deleted only after the
 * processor said it is done: when the processor throws, the whole batch stays on the queue.
 */
public final class ConsumerLoop implements Runnable {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.service");
  private static final long MAX_RETRY_DELAY_SECONDS = 900;
  private static final Duration MAX_RECEIVE_BACKOFF = Duration.ofSeconds(10);

  private final QueueCalls queue;
  private final BatchProcessor processor;
  private final ConsumerOptions options;
  private final ServiceCounters counters;
  private final Set<InFlightBatch> inFlight;
  private final AtomicBoolean stopping;
  private final AtomicInteger receiveFailuresInARow;

  public ConsumerLoop(QueueCalls queue, BatchProcessor processor, ConsumerOptions options,
      ServiceCounters counters, Set<InFlightBatch> inFlight, AtomicBoolean stopping,
      AtomicInteger receiveFailuresInARow) {
    this.queue = queue;
    this.processor = processor;
    this.options = options;
    this.counters = counters;
    this.inFlight = inFlight;
    this.stopping = stopping;
    this.receiveFailuresInARow = receiveFailuresInARow;
  }

  @Override
  public void run() {
    while (!stopping.get()) {
      List<Message> messages = receive();
      if (messages.isEmpty()) {
        continue;
      }
      counters.add(ServiceCounters.RECEIVED, messages.size());
      if (stopping.get()) {
        queue.release(messages); // a poll that was under way when the shutdown began
        continue;
      }
      handle(new InFlightBatch(messages));
    }
  }

  private List<Message> receive() {
    try {
      List<Message> messages =
          queue.receive(options.maxMessages(), options.waitTime(), options.visibilityTimeout());
      receiveFailuresInARow.set(0);
      return messages;
    } catch (RuntimeException e) {
      counters.add(ServiceCounters.RECEIVE_FAILURES, 1);
      int inARow = receiveFailuresInARow.incrementAndGet();
      LOG.log(Level.WARNING, "receiving from the queue failed ({0}); {1} failure(s) in a row",
          e.getClass().getName(), inARow);
      pause(backoff(inARow));
      return List.of();
    }
  }

  /** Processes and settles {@code batch}; it counts as in flight until it is settled. */
  private void handle(InFlightBatch batch) {
    inFlight.add(batch);
    counters.inFlight(batch.messages().size());
    try {
      Set<String> retry = process(batch.messages());
      if (batch.finish()) { // false: the shutdown's deadline passed and released the messages
        settle(batch.messages(), retry);
      }
    } finally {
      inFlight.remove(batch);
      counters.inFlight(-batch.messages().size());
    }
  }

  /** Deletes what is done; leaves the rest, sooner back when a retry delay is set. */
  private void settle(List<Message> messages, Set<String> retry) {
    List<Message> done = new ArrayList<>();
    List<Message> again = new ArrayList<>();
    for (Message message : messages) {
      (retry.contains(message.messageId()) ? again : done).add(message);
    }
    queue.delete(done);
    counters.add(ServiceCounters.RETRIED, again.size());
    if (!options.retryDelay().isZero()) {
      queue.changeVisibility(again, this::retryDelaySeconds);
    }
  }

  /** The ids to leave on the queue: all of them when the processor throws. */
  private Set<String> process(List<Message> messages) {
    counters.add(ServiceCounters.BATCHES, 1);
    List<IncomingMessage> batch = new ArrayList<>();
    for (Message message : messages) {
      batch.add(new IncomingMessage(message.messageId(), message.body()));
    }
    try {
      return new HashSet<>(processor.process(batch).retry());
    } catch (RuntimeException | Error e) {
      counters.add(ServiceCounters.PROCESSOR_FAILURES, 1);
      LOG.log(Level.ERROR, "the batch processor threw {0}; the batch of {1} message(s) stays on"
          + " the queue", e.getClass().getName(), messages.size());
      Set<String> all = new HashSet<>();
      messages.forEach(message -> all.add(message.messageId()));
      return all;
    }
  }

  /** {@code retryDelay}, doubled with each delivery after the first, at most 15 minutes. */
  private int retryDelaySeconds(Message message) {
    int deliveries = receiveCount(message);
    long delay = options.retryDelay().getSeconds() << Math.min(deliveries - 1, 20);
    return (int) Math.min(delay, MAX_RETRY_DELAY_SECONDS);
  }

  private static int receiveCount(Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    try {
      return count == null ? 1 : Math.max(1, Integer.parseInt(count));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static Duration backoff(int failuresInARow) {
    Duration backoff = Duration.ofMillis(100L << Math.min(failuresInARow, 10));
    return backoff.compareTo(MAX_RECEIVE_BACKOFF) > 0 ? MAX_RECEIVE_BACKOFF : backoff;
  }

  private void pause(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    while (!stopping.get() && System.nanoTime() - until < 0) {
      try {
        Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
