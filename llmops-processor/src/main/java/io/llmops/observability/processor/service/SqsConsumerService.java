package io.llmops.observability.processor.service;

import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.service.internal.ConsumerLoop;
import io.llmops.observability.processor.service.internal.Heartbeat;
import io.llmops.observability.processor.service.internal.InFlightBatch;
import io.llmops.observability.processor.service.internal.QueueCalls;
import io.llmops.observability.processor.service.internal.ServiceCounters;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The processor as a long-running service: {@code consumers} threads long-poll one SQS queue and
 * hand each batch to a {@link BatchProcessor}; done messages are deleted, the others left to come
 * back. A heartbeat extends the visibility of messages in progress; {@code sweep()} runs every
 * {@code sweepInterval}. {@link #close()} shuts down gracefully: no new receive, batches in
 * progress finish within {@code shutdownDeadline}, and the messages of those that do not are made
 * visible again at once. See docs/PROCESSOR.md, "Running it".
 */
public final class SqsConsumerService implements AutoCloseable {

  private static final System.Logger LOG =
      System.getLogger("io.llmops.observability.processor.service");
  /** Receives failing this many times in a row make the service unhealthy. */
  private static final int UNHEALTHY_AFTER_RECEIVE_FAILURES = 3;
  private static final long SHUTDOWN_POLL_MILLIS = 20;

  private final BatchProcessor processor;
  private final ConsumerOptions options;
  private final ServiceCounters counters = new ServiceCounters();
  private final QueueCalls queue;
  private final Set<InFlightBatch> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger receiveFailuresInARow = new AtomicInteger();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "llmops-processor-timer");
    thread.setDaemon(true);
    return thread;
  });
  private boolean started;

  /**
   * A service reading {@code options.queueUrl()} with {@code sqs}; it does not close the client.
   *
   * @throws IllegalArgumentException naming the argument that is null
   */
  public SqsConsumerService(SqsClient sqs, BatchProcessor processor, ConsumerOptions options) {
    if (sqs == null) {
      throw new IllegalArgumentException("sqs must not be null");
    }
    if (processor == null) {
      throw new IllegalArgumentException("processor must not be null");
    }
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.processor = processor;
    this.options = options;
    this.queue = new QueueCalls(sqs, options.queueUrl(), counters);
  }

  /** Starts the consumers, the heartbeat and the sweep; once. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the service was started already");
    }
    started = true;
    for (int i = 1; i <= options.consumers(); i++) {
      // Daemon threads: a batch stuck in a sink never keeps an exiting JVM alive; its messages
      // come back after their visibility timeout.
      Thread consumer = new Thread(new ConsumerLoop(queue, processor, options, counters, inFlight,
          stopping, receiveFailuresInARow), "llmops-processor-consumer-" + i);
      consumer.setDaemon(true);
      consumer.start();
    }
    long heartbeat = options.heartbeat().toMillis();
    timers.scheduleWithFixedDelay(
        new Heartbeat(queue, inFlight, options.visibilityTimeout(), counters),
        heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    long sweep = options.sweepInterval().toMillis();
    timers.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /** The counters and the {@code in_flight} gauge, by name. */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  /** Running, not shutting down, and the queue answered at least one of the last few receives. */
  public boolean healthy() {
    synchronized (this) {
      if (!started) {
        return false;
      }
    }
    return !stopping.get() && receiveFailuresInARow.get() < UNHEALTHY_AFTER_RECEIVE_FAILURES;
  }

  /**
   * Shuts down: stops receiving, waits up to {@code shutdownDeadline} for the batches in progress
   * to be processed and settled, then makes the messages of those still running visible again
   * (their consumer will not delete them). A receive under way when the shutdown began releases
   * what it brings.
   */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    // Consumers waiting in a long poll are not waited for: what a poll brings after this point
    // is released by its consumer (or, should the JVM exit first, comes back after its
    // visibility timeout).
    long deadline = System.nanoTime() + options.shutdownDeadline().toNanos();
    while (!inFlight.isEmpty() && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(SHUTDOWN_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (InFlightBatch batch : inFlight) {
      if (batch.release()) {
        LOG.log(Level.WARNING, "shutdown: a batch of {0} message(s) did not finish within {1};"
            + " its messages go back to the queue", batch.messages().size(),
            options.shutdownDeadline());
        queue.release(batch.messages());
      }
    }
    timers.shutdownNow();
  }

  private void sweep() {
    counters.add(ServiceCounters.SWEEPS, 1);
    try {
      counters.add(ServiceCounters.SWEPT, processor.sweep());
    } catch (RuntimeException e) {
      counters.add(ServiceCounters.SWEEP_FAILURES, 1);
      LOG.log(Level.ERROR, "the sweep threw {0}; it runs again in {1}", e.getClass().getName(),
          options.sweepInterval());
    }
  }
}
