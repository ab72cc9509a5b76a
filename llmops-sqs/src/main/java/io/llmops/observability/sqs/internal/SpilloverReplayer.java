package io.llmops.observability.sqs.internal;

import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Mark;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Stored;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The thread that sends the spillover journal back to SQS, oldest segment first. A round runs at
 * start-up, every {@code LLMOPS_SPILLOVER_REPLAY_INTERVAL} (backing off up to 30 s while SQS
 * refuses), and at once when woken: when a worker's send succeeds after SQS was down or after a
 * round failed. Every interval, backing off or not, it first takes over what processes that are
 * gone left in the directory.
 * Before each batch it marks the batch's records as being sent, and after it marks those SQS took
 * as done, so that a crash in the middle of a segment replays only the batch that was under way
 * (counted as possible duplicates). Records SQS does not take stay in their segment. Internal.
 */
final class SpilloverReplayer {

  private static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

  private final SpilloverJournal journal;
  private final SqsSender sender;
  private final SqsSinkOptions options;
  private final SinkMetrics metrics;
  private final SqsHealth health;
  private final OnceReporter reporter;
  private final Thread thread;
  private final Object wakeLock = new Object();
  private boolean wakeRequested;
  private volatile boolean stopping;
  /** The last round ended with SQS refusing: the next waits longer, unless a worker got through. */
  private volatile boolean backingOff;

  SpilloverReplayer(SpilloverJournal journal, SqsSender sender, SqsSinkOptions options,
      SinkMetrics metrics, SqsHealth health, OnceReporter reporter) {
    this.journal = journal;
    this.sender = sender;
    this.options = options;
    this.metrics = metrics;
    this.health = health;
    this.reporter = reporter;
    this.thread = new Thread(this::run, "llmops-sqs-replay");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Runs a round now rather than at the next interval. */
  void wake() {
    synchronized (wakeLock) {
      wakeRequested = true;
      wakeLock.notifyAll();
    }
  }

  /**
   * A worker's send succeeded: replays at once if SQS was believed down until now or the last
   * round failed, rather than waiting out the backoff.
   */
  void sqsAnswered(boolean cameBack) {
    if (cameBack || backingOff) {
      wake();
    }
  }

  /** Stops at the next record batch; what was not sent stays in the journal. */
  void stop() {
    stopping = true;
    thread.interrupt();
  }

  void join(long millis) throws InterruptedException {
    thread.join(millis);
  }

  private void run() {
    long base = options.replayInterval().toNanos();
    long backoff = base;
    long nextRound = System.nanoTime();
    boolean woken = false;
    while (!stopping) {
      try {
        journal.adoptOrphans(metrics);
        if (woken || System.nanoTime() - nextRound >= 0) {
          boolean refused = journal.hasReplayable() && !replayAll();
          backingOff = refused;
          backoff = refused ? Math.min(backoff * 2, Math.max(base, MAX_INTERVAL.toNanos())) : base;
          nextRound = System.nanoTime() + backoff;
        }
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable t) {
        SdkLog.errorOnce("sqs-replay", "llmops: spillover replay error; will try again", t);
        backingOff = true;
        nextRound = System.nanoTime() + backoff;
      }
      try {
        woken = pause(base);
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      }
    }
  }

  /** Waits {@code nanos} or until woken; true when woken. */
  private boolean pause(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    synchronized (wakeLock) {
      long left;
      while (!wakeRequested && !stopping && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(wakeLock, left);
      }
      boolean woken = wakeRequested;
      wakeRequested = false;
      return woken;
    }
  }

  /** Replays segments oldest first; false when SQS did not take everything it was offered. */
  boolean replayAll() throws IOException {
    while (!stopping) {
      Segment segment = journal.claimOldest();
      if (segment == null) {
        return true;
      }
      if (!replay(segment)) {
        return false;
      }
    }
    return true;
  }

  /** Replays one claimed segment in batches; false when a batch failed (the rest stays). */
  private boolean replay(Segment segment) throws IOException {
    Parsed parsed = journal.read(segment, metrics);
    if (parsed == null) {
      journal.unclaim(segment);
      return false;
    }
    List<Stored> waiting = parsed.stored();
    List<Entry> entries = waiting.stream().map(stored -> stored.record().toEntry()).toList();
    List<Stored> kept = new ArrayList<>();
    int i = 0;
    boolean failed = false;
    while (i < waiting.size() && !stopping && !failed) {
      int end = chunkEnd(entries, i);
      failed = !sendChunk(segment, waiting.subList(i, end), entries.subList(i, end), kept);
      i = end;
    }
    kept.addAll(waiting.subList(i, waiting.size()));
    journal.finish(segment, kept);
    return !failed;
  }

  /** Where the request starting at {@code from} ends: at the batch size or 1 MiB. */
  private int chunkEnd(List<Entry> entries, int from) {
    int end = from;
    int bytes = 0;
    while (end < entries.size() && end - from < options.batchSize()
        && (end == from || bytes + entries.get(end).requestBytes() <= SqsSinkOptions.MAX_REQUEST_BYTES)) {
      bytes += entries.get(end++).requestBytes();
    }
    return end;
  }

  /**
   * Sends one chunk, marking it in the segment before and after; adds to {@code kept} what SQS
   * did not take (with whether it may have it after all). False when SQS refused the request or
   * asked for a retry.
   */
  private boolean sendChunk(Segment segment, List<Stored> chunk, List<Entry> entries, List<Stored> kept) {
    metrics.add(SqsSettings.COUNTER_POSSIBLE_DUPLICATES, chunk.stream().filter(Stored::maybeDelivered).count());
    journal.mark(segment, Mark.SENDING, chunk.stream().mapToInt(Stored::offset).toArray());
    SqsSender.Outcome outcome = sender.send(entries, options.requestTimeout());
    metrics.add(SqsSettings.COUNTER_REPLAYED, outcome.sent().size());
    boolean refused = outcome.wholeRequest() || !outcome.retryable().isEmpty();
    Set<Entry> done = new HashSet<>(outcome.sent());
    if (!refused && !outcome.rejected().isEmpty()) {
      done.addAll(outcome.rejected());
      metrics.add(SqsSettings.DROPPED_REJECTED, outcome.rejected().size());
      reporter.report("replay-rejected-" + OnceReporter.errorCode(outcome.error()), "SQS rejected "
          + outcome.rejected().size() + " spilled message(s) for good (" + outcome.error()
          + "); they were dropped from the journal and counted as " + SqsSettings.DROPPED_REJECTED);
    }
    journal.mark(segment, Mark.DONE, offsets(chunk, entries, done));
    Set<Entry> notSent = new HashSet<>(outcome.certainlyNotSent());
    notSent.removeAll(done);
    journal.mark(segment, Mark.NOT_SENT, offsets(chunk, entries, notSent));
    for (int k = 0; k < chunk.size(); k++) {
      if (!done.contains(entries.get(k))) {
        kept.add(chunk.get(k).withMaybeDelivered(!notSent.contains(entries.get(k))));
      }
    }
    if (!outcome.sent().isEmpty()) {
      health.up();
    }
    if (refused) {
      health.down();
    }
    return !refused;
  }

  /** The offsets of the chunk's records whose entries are in {@code which}. */
  private static int[] offsets(List<Stored> chunk, List<Entry> entries, Collection<Entry> which) {
    int[] offsets = new int[chunk.size()];
    int n = 0;
    for (int k = 0; k < chunk.size(); k++) {
      if (which.contains(entries.get(k))) {
        offsets[n++] = chunk.get(k).offset();
      }
    }
    return java.util.Arrays.copyOf(offsets, n);
  }
}
