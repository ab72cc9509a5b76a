package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.sqs.SqsSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers trace messages to SQS. {@link #export} only enqueues (waiting at most
 * {@code LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS} for room, else spilling to disk); worker threads
 * build batches of up to {@code LLMOPS_SQS_BATCH_SIZE} entries and 1 MiB, send them, retry the
 * failed entries with backoff, and spill what still fails. While SQS is known to be down, new
 * messages go straight to the journal (but for a probe now and then); a replay thread sends the
 * journal back once SQS answers. In write-ahead mode every message is written to the journal
 * before it is queued, and marked done there once SQS took it. Internal.
 */
public final class SqsSink implements TraceSink {

  private static final long POLL_NANOS = 100_000_000L;

  private final SqsSinkOptions options;
  private final SinkMetrics metrics;
  private final LazyClient client;
  private final SqsSender sender;
  private final SpilloverJournal journal;
  private final PendingQueue queue;
  private final Backoff backoff;
  private final List<Thread> workers = new ArrayList<>();
  private final SpilloverReplayer replayer;
  private final SqsHealth health;
  private final boolean writeAhead;
  private final OnceReporter reporter = new OnceReporter();
  private final Set<Entry> unsettled = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong settled = new AtomicLong();
  private final AtomicInteger flushing = new AtomicInteger();
  private volatile boolean stopping;
  private ExportResult shutdownResult;

  /**
   * Starts a sink whose client is built from {@code options} by the first send (see
   * {@link LazyClient}): this returns without waiting for the AWS SDK.
   */
  public static SqsSink start(SqsSinkOptions options, SinkMetrics metrics) {
    return new SqsSink(options, metrics, new LazyClient(() -> ClientFactory.create(options)));
  }

  private SqsSink(SqsSinkOptions options, SinkMetrics metrics, LazyClient client) {
    this.options = options;
    this.metrics = metrics;
    this.client = client;
    this.sender = new SqsSender(client, options.queueUrl(), options.fifo(), metrics);
    this.health = new SqsHealth(options.replayInterval());
    this.writeAhead = options.delivery() == DeliveryMode.WRITE_AHEAD;
    this.journal = SpilloverJournal.acquire(options.spillDir(), options.spillMaxBytes(), options.fsync());
    this.queue = new PendingQueue(options.maxPendingMessages(), options.maxPendingBytes());
    this.backoff = new Backoff(options.retryDelay(), options.backoffMultiplier(),
        options.retryMaxDelay(), () -> ThreadLocalRandom.current().nextDouble());
    for (int i = 0; i < options.workerCount(); i++) {
      Thread worker = new Thread(this::runWorker, "llmops-sqs-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
    }
    this.replayer = new SpilloverReplayer(journal, sender, options, metrics, health, reporter);
    workers.forEach(Thread::start);
    replayer.start();
  }

  @Override
  public String name() {
    return "sqs";
  }

  /**
   * Never waits longer than {@code LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS} in total, plus, in
   * write-ahead mode, one journal write (forced as {@code LLMOPS_SPILLOVER_FSYNC} says).
   */
  @Override
  public ExportResult export(List<TraceMessage> messages) {
    long deadline = System.nanoTime() + options.immediateMaxBlock().toNanos();
    List<Entry> entries = new ArrayList<>(messages.size());
    for (TraceMessage message : messages) {
      Entry entry = new Entry(message.traceId(), message.type(), message.idempotencyKey(), message.body());
      if (entry.bodyBytes > SqsSinkOptions.MAX_REQUEST_BYTES) {
        metrics.increment(SqsSettings.DROPPED_REJECTED);
        reporter.report("too-large", "a message of " + entry.bodyBytes + " bytes exceeds SQS's 1 MiB "
            + "limit and was dropped; lower LLMOPS_MAX_MESSAGE_BYTES");
        continue;
      }
      if (!entry.attributesFit()) {
        metrics.increment(SqsSettings.COUNTER_ATTRIBUTES_OMITTED);
      }
      entries.add(entry);
    }
    if (writeAhead) {
      writeAhead(entries);
    }
    List<Entry> toDisk = new ArrayList<>();
    for (Entry entry : entries) {
      unsettled.add(entry);
      accepted.incrementAndGet();
      boolean queued = false;
      if (!stopping && (health.isUp() || health.tryProbe())) {
        try {
          queued = queue.offer(entry, deadline);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!queued) {
        toDisk.add(entry);
      }
    }
    spill(toDisk);
    return ExportResult.success();
  }

  /** Writes the entries to the journal before any of them is queued; on failure they go on unprotected. */
  private void writeAhead(List<Entry> entries) {
    try {
      List<Entry> unprotected = journal.writeAhead(entries, metrics);
      if (!unprotected.isEmpty()) {
        SdkLog.warnOnce("sqs-write-ahead-cap", "llmops: " + unprotected.size() + " message(s) "
            + "did not fit in the spillover journal's cap (" + SqsSettings.SPILLOVER_MAX_BYTES
            + ") and are sent without its protection against a crash");
      }
    } catch (IOException | RuntimeException e) {
      SdkLog.errorOnce("sqs-write-ahead", "llmops: cannot write messages ahead to the spillover "
          + "journal (" + e + "); they are sent without its protection against a crash", null);
    }
  }

  @Override
  public ExportResult flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long target = accepted.get();
    flushing.incrementAndGet();
    try {
      while (settled.get() < target) {
        if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
          return ExportResult.failure("sqs: " + (target - settled.get())
              + " message(s) still on their way after " + timeout.toMillis() + " ms");
        }
        LockSupport.parkNanos(1_000_000L);
      }
      return ExportResult.success();
    } finally {
      flushing.decrementAndGet();
    }
  }

  /**
   * Sends what it can within {@code min(timeout, LLMOPS_SQS_SHUTDOWN_TIMEOUT)}, spills the rest
   * to the journal, stops the threads and logs the counters. Idempotent.
   */
  @Override
  public synchronized ExportResult shutdown(Duration timeout) {
    if (shutdownResult != null) {
      return shutdownResult;
    }
    Duration bound = timeout.compareTo(options.shutdownTimeout()) < 0 ? timeout : options.shutdownTimeout();
    ExportResult flushed = flush(bound);
    stopping = true;
    workers.forEach(Thread::interrupt);
    replayer.stop();
    List<Entry> leftovers = new ArrayList<>(queue.drainAll());
    leftovers.addAll(unsettled);
    int spilled = spill(leftovers);
    // A worker may have claimed some entries for its own spill a moment earlier: wait (bounded)
    // until that write completed too, so that everything is on disk when shutdown returns.
    long joinDeadline = System.nanoTime() + 1_000_000_000L;
    while (settled.get() < accepted.get() && System.nanoTime() - joinDeadline < 0) {
      LockSupport.parkNanos(1_000_000L);
    }
    try {
      for (Thread worker : workers) {
        worker.join(millisUntil(joinDeadline));
      }
      replayer.join(millisUntil(joinDeadline));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reportWhatWaits();
    journal.release();
    Thread closer = new Thread(client::close, "llmops-sqs-close");
    closer.setDaemon(true);
    closer.start();
    shutdownResult = flushed.isSuccess() && spilled == 0
        ? ExportResult.success()
        : ExportResult.failure("sqs: " + spilled + " message(s) not delivered before shutdown were "
            + "written to the spillover journal " + options.spillDir());
    return shutdownResult;
  }

  /**
   * The shutdown's log line: the counters, and what waits in the journal, where, and that the
   * next start replays it, as a warning that is seen even when the shutdown runs at JVM exit.
   */
  private void reportWhatWaits() {
    long waiting = journal.waiting();
    if (waiting == 0) {
      SdkLog.info("llmops sqs: " + summary());
      return;
    }
    SdkLog.warnEvenAtExit("llmops sqs: " + waiting + " message(s) not delivered to SQS wait in the "
        + "spillover journal " + journal.directory().toAbsolutePath() + " (this process spilled "
        + metrics.get(SqsSettings.COUNTER_SPILLED) + "); the next process started with this "
        + SqsSettings.SPILLOVER_DIR + " replays them to SQS. " + summary());
  }

  /** The counters this sink moves, for the shutdown log line. */
  String summary() {
    return "sent=" + metrics.get(SqsSettings.COUNTER_SENT)
        + " requests=" + metrics.get(SqsSettings.COUNTER_REQUESTS)
        + " retried=" + metrics.get(SqsSettings.COUNTER_RETRIED)
        + " spilled=" + metrics.get(SqsSettings.COUNTER_SPILLED)
        + " inherited=" + metrics.get(SqsSettings.COUNTER_INHERITED)
        + " replayed=" + metrics.get(SqsSettings.COUNTER_REPLAYED)
        + " possible_duplicates=" + metrics.get(SqsSettings.COUNTER_POSSIBLE_DUPLICATES)
        + " evicted=" + metrics.get(SqsSettings.COUNTER_EVICTED)
        + " corrupt=" + metrics.get(SqsSettings.COUNTER_CORRUPT)
        + " dropped.spill_failed=" + metrics.get(SqsSettings.DROPPED_SPILL_FAILED)
        + " dropped.sqs_rejected=" + metrics.get(SqsSettings.DROPPED_REJECTED);
  }

  private static long millisUntil(long deadlineNanos) {
    return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000L);
  }

  // ---- workers ----

  private void runWorker() {
    while (!stopping) {
      try {
        Entry first = queue.poll(POLL_NANOS, SqsSinkOptions.MAX_REQUEST_BYTES);
        if (first != null) {
          deliver(collect(first));
        }
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      } catch (Throwable t) {
        SdkLog.errorOnce("sqs-worker", "llmops: SQS worker error; continuing", t);
      }
    }
  }

  /** Adds entries until the batch is full, 1 MiB, the batch timeout, or a quiet gap. */
  private List<Entry> collect(Entry first) throws InterruptedException {
    List<Entry> batch = new ArrayList<>(options.batchSize());
    batch.add(first);
    int bytes = first.requestBytes();
    long deadline = first.enqueuedNanos + options.batchTimeout().toNanos();
    long gap = options.flushThreshold().toNanos();
    while (batch.size() < options.batchSize()) {
      long wait = flushing.get() > 0 || stopping ? 0 : Math.min(deadline - System.nanoTime(), gap);
      Entry next = queue.poll(Math.max(0, wait), SqsSinkOptions.MAX_REQUEST_BYTES - bytes);
      if (next == null) {
        break;
      }
      batch.add(next);
      bytes += next.requestBytes();
    }
    return batch;
  }

  private void deliver(List<Entry> batch) {
    List<Entry> remaining = batch;
    for (int attempt = 0; ; attempt++) {
      if (!startAttempt(remaining)) {
        return;
      }
      SqsSender.Outcome outcome = sender.send(remaining, options.requestTimeout());
      endAttempt(remaining, outcome);
      if (!outcome.rejected().isEmpty()) {
        reporter.report("rejected-" + OnceReporter.errorCode(outcome.error()), "SQS rejected " + outcome.rejected().size()
            + " message(s) for " + options.queueUrl() + " and no retry can fix it: "
            + outcome.error() + ". They were written to the spillover journal "
            + options.spillDir() + " and will be replayed once the cause is fixed");
        if (outcome.wholeRequest()) {
          health.down();
        }
        spill(outcome.rejected());
      }
      if (!outcome.sent().isEmpty()) {
        replayer.sqsAnswered(health.up());
      }
      if (outcome.retryable().isEmpty()) {
        return;
      }
      if (stopping) {
        spill(outcome.retryable()); // the shutdown's own line reports what waits in the journal
        return;
      }
      if (attempt >= options.retryAttempts()) {
        SdkLog.warnOnce("sqs-retries-exhausted", "llmops: SQS did not take "
            + outcome.retryable().size() + " message(s) after " + (attempt + 1) + " attempt(s) ("
            + outcome.error() + "); they go to the spillover journal " + options.spillDir()
            + " and are replayed when SQS answers again");
        health.down();
        spill(outcome.retryable());
        return;
      }
      metrics.add(SqsSettings.COUNTER_RETRIED, outcome.retryable().size());
      LockSupport.parkNanos(backoff.delayNanos(attempt + 1));
      remaining = new ArrayList<>(outcome.retryable());
    }
  }

  /**
   * Flags the entries as being sent, then drops those a shutdown spilled meanwhile (in this order:
   * a shutdown that settles an entry after the flag was set sees it, and marks the entry as one
   * SQS may have), and all of them once shutdown began (it spills them). Counts the entries an
   * earlier attempt may have delivered. False when none is left to send.
   */
  private boolean startAttempt(List<Entry> entries) {
    for (Entry entry : entries) {
      entry.sending = true;
    }
    entries.removeIf(entry -> {
      if (stopping || entry.isSettled()) {
        entry.sending = false;
        return true;
      }
      return false;
    });
    if (entries.isEmpty()) {
      return false;
    }
    metrics.add(SqsSettings.COUNTER_POSSIBLE_DUPLICATES, entries.stream().filter(e -> e.maybeDelivered).count());
    if (writeAhead) {
      journal.sending(entries);
    }
    return true;
  }

  /**
   * Records the outcome on the entries (and in the journal when they were written ahead). The
   * entries SQS took count as settled last, so that a flush that sees them settled also sees
   * them counted.
   */
  private void endAttempt(List<Entry> entries, SqsSender.Outcome outcome) {
    for (Entry entry : outcome.retryable()) {
      entry.maybeDelivered = outcome.mayHaveArrived();
    }
    for (Entry entry : outcome.rejected()) {
      entry.maybeDelivered = false;
    }
    List<Entry> settledNow = new ArrayList<>(outcome.sent().size());
    for (Entry entry : outcome.sent()) {
      if (entry.settleSent()) {
        settledNow.add(entry);
      }
    }
    metrics.add(SqsSettings.COUNTER_SENT, settledNow.size());
    if (writeAhead) {
      journal.delivered(settledNow);
      journal.notSent(outcome.certainlyNotSent());
    }
    for (Entry entry : entries) {
      entry.sending = false;
    }
    settledNow.forEach(unsettled::remove);
    settled.addAndGet(settledNow.size());
  }

  /**
   * Leaves to the journal the entries not settled yet: writes them, or, written ahead already,
   * hands them to the replay; returns how many it took. An entry a worker is sending at this very
   * moment (a shutdown spilling what is in flight) is marked as one SQS may have.
   */
  private int spill(List<Entry> entries) {
    List<Entry> toWrite = new ArrayList<>(entries.size());
    List<Entry> writtenAhead = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.settleSpilled()) {
        if (entry.sending) {
          entry.maybeDelivered = true;
        }
        (entry.segment != null ? writtenAhead : toWrite).add(entry);
      }
    }
    if (toWrite.isEmpty() && writtenAhead.isEmpty()) {
      return 0;
    }
    try {
      if (!writtenAhead.isEmpty()) {
        journal.leave(writtenAhead);
        metrics.add(SqsSettings.COUNTER_SPILLED, writtenAhead.size());
      }
      if (!toWrite.isEmpty()) {
        journal.append(toWrite, metrics);
        metrics.add(SqsSettings.COUNTER_SPILLED, toWrite.size());
      }
    } catch (IOException | RuntimeException e) {
      metrics.add(SqsSettings.DROPPED_SPILL_FAILED, toWrite.size());
      SdkLog.errorOnce("sqs-spill-failed", "llmops: " + toWrite.size() + " message(s) SQS could "
          + "not take were lost: the spillover journal cannot be written (" + e
          + "); counted as " + SqsSettings.DROPPED_SPILL_FAILED, null);
    } finally {
      toWrite.forEach(unsettled::remove);
      writtenAhead.forEach(unsettled::remove);
      settled.addAndGet(toWrite.size() + writtenAhead.size());
    }
    return toWrite.size() + writtenAhead.size();
  }
}
