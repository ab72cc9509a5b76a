package io.llmops.observability.internal.export;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One call of a sink (export, flush or shutdown), run on the sink's lane, and what came of it. */
final class SinkCall {

  /** What a caller learns of a call by its deadline. */
  record Outcome(boolean success, boolean timedOut, String reason) {

    static Outcome of(ExportResult result) {
      String reason = result.reason();
      return new Outcome(result.isSuccess(), false, reason == null ? "" : reason);
    }

    static Outcome timedOut(String reason) {
      return new Outcome(false, true, reason);
    }

    static Outcome failed(String reason) {
      return new Outcome(false, false, reason);
    }
  }

  final String name;
  /** Traces an export call hands over; 0 for flush and shutdown. */
  final int traces;
  final Function<TraceSink, ExportResult> operation;
  private final CountDownLatch done = new CountDownLatch(1);
  private Outcome outcome;
  private boolean givenUp;

  SinkCall(String name, int traces, Function<TraceSink, ExportResult> operation) {
    this.name = name;
    this.traces = traces;
    this.operation = operation;
  }

  /** A call that never runs: its outcome is known now. */
  static SinkCall settled(String name, Outcome outcome) {
    SinkCall call = new SinkCall(name, 0, null);
    call.finish(outcome);
    return call;
  }

  /** Records what came of the call; true if its caller had given up on it before. */
  boolean finish(Outcome result) {
    boolean late;
    synchronized (this) {
      outcome = result;
      late = givenUp;
    }
    done.countDown();
    return late;
  }

  /**
   * The caller stops waiting: from now on the call counts as timed out, whatever comes of it.
   * False if it finished first, and its outcome stands.
   */
  synchronized boolean giveUp() {
    givenUp = outcome == null;
    return givenUp;
  }

  synchronized Outcome outcome() {
    return outcome;
  }

  /** The outcome, or null if the call is not finished by {@code deadlineNanos}; ignores interrupts. */
  Outcome awaitUntil(long deadlineNanos) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          long left = deadlineNanos - System.nanoTime();
          return done.await(Math.max(0, left), TimeUnit.NANOSECONDS) ? outcome() : null;
        } catch (InterruptedException e) {
          interrupted = true; // the wait is bounded anyway; the flag is restored below
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
