package io.llmops.observability.sqs.internal;

import io.llmops.observability.internal.engine.InternalLog;
import io.llmops.observability.spi.SinkMetrics;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.JournalFormat.Parsed;
import io.llmops.observability.sqs.internal.JournalFormat.Record;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The thread that sends the spillover journal back to SQS, oldest segment first: at start-up,
 * every {@code LLMOPS_SQS_REPLAY_INTERVAL} while records wait (backing off up to 30 s while SQS
 * refuses), and at once when woken. Records SQS does not take stay in their segment. Internal.
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
  private final Object wake = new Object();
  private volatile boolean stopping;

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

  /** Replays now rather than at the next interval (after SQS recovered, and in tests). */
  void wake() {
    synchronized (wake) {
      wake.notifyAll();
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
    long interval = options.replayInterval().toNanos();
    while (!stopping) {
      try {
        if (!journal.isEmpty()) {
          boolean drained = replayAll();
          interval = drained ? options.replayInterval().toNanos()
              : Math.min(interval * 2, Math.max(options.replayInterval().toNanos(), MAX_INTERVAL.toNanos()));
        }
        synchronized (wake) {
          wake.wait(Math.max(1, interval / 1_000_000L));
        }
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      } catch (Throwable t) {
        InternalLog.errorOnce("sqs-replay", "llmops: spillover replay error; will try again", t);
      }
    }
  }

  /** Replays segments oldest first; true when the journal was emptied. */
  boolean replayAll() throws IOException {
    while (!stopping) {
      SpilloverJournal.Segment segment = journal.claimOldest();
      if (segment == null) {
        return journal.isEmpty();
      }
      List<Record> remaining;
      try {
        Parsed parsed = journal.read(segment, metrics);
        remaining = replay(parsed.records());
      } catch (RuntimeException e) {
        journal.finish(segment, JournalFormat.parse(Files.readAllBytes(segment.path)).records());
        throw e;
      }
      journal.finish(segment, remaining);
      if (!remaining.isEmpty()) {
        return false;
      }
    }
    return false;
  }

  /** Sends records in batches; returns those not delivered (kept for the next attempt). */
  private List<Record> replay(List<Record> records) {
    int i = 0;
    while (i < records.size()) {
      if (stopping) {
        return records.subList(i, records.size());
      }
      List<Entry> chunk = new ArrayList<>(options.batchSize());
      int bytes = 0;
      while (i + chunk.size() < records.size() && chunk.size() < options.batchSize()) {
        Entry entry = records.get(i + chunk.size()).toEntry();
        if (!chunk.isEmpty() && bytes + entry.requestBytes() > SqsSinkOptions.MAX_REQUEST_BYTES) {
          break;
        }
        chunk.add(entry);
        bytes += entry.requestBytes();
      }
      SqsSender.Outcome outcome = sender.send(chunk, options.requestTimeout());
      metrics.add(SqsSettings.COUNTER_REPLAYED, outcome.sent().size());
      if (!outcome.sent().isEmpty()) {
        health.up();
      }
      if (outcome.wholeRequest() || !outcome.retryable().isEmpty()) {
        health.down();
        Set<Entry> failed = new HashSet<>(outcome.retryable());
        failed.addAll(outcome.rejected());
        List<Record> keep = new ArrayList<>();
        for (int k = 0; k < chunk.size(); k++) {
          if (failed.contains(chunk.get(k))) {
            keep.add(records.get(i + k));
          }
        }
        keep.addAll(records.subList(i + chunk.size(), records.size()));
        return keep;
      }
      if (!outcome.rejected().isEmpty()) {
        metrics.add(SqsSettings.DROPPED_REJECTED, outcome.rejected().size());
        reporter.report("replay-rejected-" + OnceReporter.errorCode(outcome.error()), "SQS rejected "
            + outcome.rejected().size() + " spilled message(s) for good (" + outcome.error()
            + "); they were dropped from the journal and counted as " + SqsSettings.DROPPED_REJECTED);
      }
      i += chunk.size();
    }
    return List.of();
  }
}
