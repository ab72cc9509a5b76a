package io.llmops.observability.internal.export;

import io.llmops.observability.spi.ExportResult;
import io.llmops.observability.spi.TraceSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One call of a sink (export, flush or shutdown), run on the sink's lane, and what came of it. */
final class SinkCall {

  /** What a caller learns of a call by its deadline. */
  record Outcome(boolean success, boolean timedOut, String reason) {

    static Outcome of(ExportResult result) {
      return new Outcome(result.isSuccess(), false, result.reason());
    }

    static Outcome timedOut(String reason) {
      return new Outcome(false, true, reason);
    }

    static Outcome failed(String reason) {
      return new Outcome(false, false, reason);
    }
  }

  final String name;
  final Function<TraceSink, ExportResult> operation;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Outcome outcome;

  SinkCall(String name, Function<TraceSink, ExportResult> operation) {
    this.name = name;
    this.operation = operation;
  }

  /** A call that never runs: its outcome is known now. */
  static SinkCall settled(String name, Outcome outcome) {
    SinkCall call = new SinkCall(name, null);
    call.finish(outcome);
    return call;
  }

  void finish(Outcome result) {
    outcome = result;
    done.countDown();
  }

  /** The outcome, or null if the call is not finished by {@code deadlineNanos}; ignores interrupts. */
  Outcome awaitUntil(long deadlineNanos) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          long left = deadlineNanos - System.nanoTime();
          return done.await(Math.max(0, left), TimeUnit.NANOSECONDS) ? outcome : null;
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
