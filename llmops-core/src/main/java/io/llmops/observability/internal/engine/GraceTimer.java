package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.spi.SdkLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's timer for {@code LLMOPS_FINALIZE_GRACE}: runs an action (sending a trace with its
 * spans still open) once the grace has passed, unless it is done by then. One thread per
 * runtime, started on first use and sleeping until the next deadline; {@link #runAllNow()} at
 * shutdown runs what still waits and stops it. Internal.
 */
final class GraceTimer {

  /** Every action waits the same grace, so deadlines come in the order actions were scheduled. */
  private record Waiting(long deadlineNanos, Runnable action, BooleanSupplier done) {}

  private static final int SWEEP_FLOOR = 64;

  private final long graceNanos;
  private final Counters counters;
  private final ThreadFactory threads;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private int sizeAfterSweep;
  private boolean started;
  private LoopThreads.@Nullable Running thread;
  private boolean stopped;

  GraceTimer(Duration grace, Counters counters, ThreadFactory threads) {
    this.graceNanos = grace.toNanos();
    this.counters = counters;
    this.threads = threads;
  }

  /** Runs {@code action} once the grace has passed unless {@code done} by then; false once stopped. */
  boolean schedule(Runnable action, BooleanSupplier done) {
    lock.lock();
    try {
      if (stopped) {
        return false;
      }
      sweepIfGrown();
      waiting.addLast(new Waiting(System.nanoTime() + graceNanos, action, done));
      if (!started) {
        started = true;
        thread = LoopThreads.start(threads, "llmops-grace", this::run);
      } else if (waiting.size() == 1) {
        changed.signal(); // the thread sleeps without a deadline while nothing waits
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets go of actions already done (their traces were sent when their last span ended) so that
   * they are not kept for the whole grace; amortized, the queue at most about doubles in between.
   */
  private void sweepIfGrown() {
    if (waiting.size() >= 2 * sizeAfterSweep + SWEEP_FLOOR) {
      waiting.removeIf(entry -> entry.done().getAsBoolean());
      sizeAfterSweep = waiting.size();
    }
  }

  /** Actions scheduled and not yet run or let go. */
  int waitingCount() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops the timer and runs every waiting action not done yet, now, on this thread. */
  /** Once stopped: waits until {@code deadlineNanos} for the timer's thread, if any, to have returned. */
  void awaitEnd(long deadlineNanos) {
    LoopThreads.Running running;
    lock.lock();
    try {
      running = thread;
    } finally {
      lock.unlock();
    }
    if (running != null) {
      running.awaitEnd(deadlineNanos);
    }
  }

  void runAllNow() {
    List<Waiting> due;
    lock.lock();
    try {
      stopped = true;
      due = new ArrayList<>(waiting);
      waiting.clear();
      changed.signal();
    } finally {
      lock.unlock();
    }
    for (Waiting entry : due) {
      runIfNotDone(entry);
    }
  }

  private void run() {
    lock.lock();
    try {
      while (!stopped) {
        Waiting next = waiting.peekFirst();
        if (next == null) {
          changed.awaitUninterruptibly();
        } else if (next.deadlineNanos() - System.nanoTime() > 0) {
          awaitNanos(next.deadlineNanos() - System.nanoTime());
        } else {
          waiting.pollFirst();
          lock.unlock();
          try {
            runIfNotDone(next);
          } finally {
            lock.lock();
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void awaitNanos(long nanos) {
    try {
      changed.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      // not ours to stop on: the loop looks at the deadline again
    }
  }

  /** A failure is counted and logged; a fatal error goes on to the thread's handler once counted. */
  private void runIfNotDone(Waiting entry) {
    try {
      if (!entry.done().getAsBoolean()) {
        entry.action().run();
      }
    } catch (VirtualMachineError fatal) {
      counters.increment(Counters.INTERNAL_ERRORS);
      throw fatal;
    } catch (Throwable t) {
      counters.increment(Counters.INTERNAL_ERRORS);
      SdkLog.errorOnce("grace-timer", "llmops: sending a trace at the end of its grace failed", t);
    }
  }
}
