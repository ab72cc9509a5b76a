package io.llmops.observability.internal.export;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.internal.export.SinkCall.Outcome;
import io.llmops.observability.spi.SdkLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One sink and the thread that calls it. The sink is built there too, by the lane's first call
 * ({@code start}), so that the thread that configures the SDK does not pay for it; calls made
 * meanwhile wait behind it within their deadlines. Every call of the sink runs there, one at a
 * time, so a caller can wait for it with a deadline and go on without it. A call (the start
 * included) that runs longer than the export timeout leaves the sink stuck: until it returns,
 * new calls fail at once instead of piling up behind it. A fatal error thrown by the sink fails its call and then reaches the
 * thread's uncaught-exception handler; a new thread serves the sink after it. Internal.
 */
final class SinkLane {

  private final String name;
  private final long stuckAfterNanos;
  private final String timeoutText;
  private final Counters counters;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LoopThreads.Running serving;
  /** At most one call per caller waits: the worker, and a shutdown racing with it. */
  private final ArrayDeque<SinkCall> waiting = new ArrayDeque<>();
  /**
   * How long a deferred sink's build waits for the sink's first call: long enough to stay out of
   * the way of an application's start-up and first request, short enough for a journal replay.
   */
  static final Duration BUILD_DELAY = Duration.ofSeconds(1);

  /** The lane's first call, which builds the sink. */
  private final SinkCall start;
  /** Whether the build waits for the sink's first call, until {@link #buildNoLaterThan}. */
  private final boolean deferred;
  /** When a deferred build starts even without a call ({@link System#nanoTime()}). */
  private final long buildNoLaterThan;
  /** Set by the start call; null before, and for good if the sink could not be built. */
  private volatile TraceSink sink;
  private SinkCall running;
  private Thread runningOn;
  private long runningSince;
  private boolean closed;

  SinkLane(SinkRecipe recipe, Duration exportTimeout, Counters counters, ThreadFactory threads) {
    this.name = recipe.name();
    this.stuckAfterNanos = exportTimeout.toNanos();
    this.timeoutText = "LLMOPS_EXPORT_TIMEOUT (" + exportTimeout.toMillis() + " ms)";
    this.counters = counters;
    this.start = new SinkCall("start", 0, unbuilt -> build(recipe.build()));
    this.deferred = recipe.deferred();
    this.buildNoLaterThan = System.nanoTime() + BUILD_DELAY.toNanos();
    waiting.add(start);
    this.serving = LoopThreads.start(threads, "llmops-sink-" + name, this::serve);
  }

  String name() {
    return name;
  }

  /** Once closed: waits until {@code deadlineNanos} for the lane's thread to have returned. */
  void awaitEnd(long deadlineNanos) {
    serving.awaitEnd(deadlineNanos);
  }

  /**
   * Queues {@code operation}, which hands over {@code traces} traces, behind the calls before it;
   * refused at once if the sink is stuck or closed.
   */
  SinkCall call(String name, int traces, Function<TraceSink, ExportResult> operation) {
    lock.lock();
    try {
      if (closed) {
        return SinkCall.settled(name, Outcome.failed("the sink is shut down"));
      }
      if (running != null && System.nanoTime() - runningSince > stuckAfterNanos) {
        return SinkCall.settled(name, Outcome.timedOut("still in a " + running.name
            + " call that has run longer than " + timeoutText));
      }
      SinkCall call = new SinkCall(name, traces, operation);
      waiting.add(call);
      changed.signal();
      return call;
    } finally {
      lock.unlock();
    }
  }

  /**
   * What came of {@code call} by {@code deadlineNanos}. A call not finished by then counts as
   * timed out; one that had not started yet never will.
   */
  Outcome await(SinkCall call, long deadlineNanos) {
    Outcome outcome = call.awaitUntil(deadlineNanos);
    if (outcome != null) {
      return outcome;
    }
    if (!call.giveUp()) {
      return call.outcome(); // it answered just now
    }
    lock.lock();
    try {
      waiting.remove(call);
    } finally {
      lock.unlock();
    }
    return Outcome.timedOut("no answer to " + call.name + " within " + timeoutText);
  }

  /** Takes no more calls; a call still running is interrupted, the sink being stuck in it. */
  void close() {
    lock.lock();
    try {
      closed = true;
      for (SinkCall call : waiting) {
        call.finish(Outcome.failed("the sink is shut down"));
      }
      waiting.clear();
      if (runningOn != null) {
        runningOn.interrupt();
      }
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  private void serve() {
    for (SinkCall call = next(); call != null; call = next()) {
      try {
        finished(call, Outcome.of(invoke(call)));
      } catch (VirtualMachineError fatal) {
        counters.increment(Counters.INTERNAL_ERRORS);
        finished(call, Outcome.failed(call.name + " failed with " + fatal.getClass().getName()));
        throw fatal; // on to the thread's handler; a new thread serves the sink
      }
    }
  }

  /** The next call to run, or null once the lane is closed and nothing waits. */
  private SinkCall next() {
    lock.lock();
    try {
      while (waiting.isEmpty() && !closed) {
        changed.awaitUninterruptibly();
      }
      awaitWorkBeforeBuilding();
      SinkCall call = waiting.poll();
      if (call != null) {
        running = call;
        runningOn = Thread.currentThread();
        runningSince = System.nanoTime();
      }
      return call;
    } finally {
      lock.unlock();
    }
  }

  /** With the lock held: a deferred build waits for a call behind it, a close, or its delay. */
  private void awaitWorkBeforeBuilding() {
    while (deferred && waiting.peek() == start && waiting.size() == 1 && !closed) {
      long left = buildNoLaterThan - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        changed.awaitNanos(left);
      } catch (InterruptedException e) {
        return; // built now; finished() clears the flag before the next call
      }
    }
  }

  private void finished(SinkCall call, Outcome outcome) {
    long ranNanos;
    lock.lock();
    try {
      running = null;
      runningOn = null;
      ranNanos = System.nanoTime() - runningSince;
    } finally {
      lock.unlock();
    }
    Thread.interrupted(); // an interrupt meant for this call must not reach the next one
    boolean countedAsTimedOut = call.finish(outcome);
    if (countedAsTimedOut && outcome.success() && call.traces > 0) {
      // counted in export_failed when its caller gave up, yet the sink took the traces after all
      counters.add(Counters.EXPORT_LATE_PREFIX + name, call.traces);
    }
    if (ranNanos > stuckAfterNanos) {
      SdkLog.info("llmops: sink '" + name + "' returned from a " + call.name + " call after "
          + ranNanos / 1_000_000 + " ms, longer than " + timeoutText + "; it takes calls again");
    }
  }

  /**
   * Builds the sink (the start call). A shutdown that closed the lane meanwhile will never reach
   * it, so it is shut down at once. A provider that returns null fails like one that throws.
   */
  private ExportResult build(Supplier<TraceSink> recipe) {
    TraceSink built = recipe.get();
    if (built == null) {
      throw new IllegalStateException("the provider of sink '" + name + "' built null");
    }
    lock.lock();
    try {
      if (!closed) {
        sink = built;
        return ExportResult.success();
      }
    } finally {
      lock.unlock();
    }
    return built.shutdown(Duration.ZERO);
  }

  /** Calls the sink; any failure but a fatal error becomes a failed result, counted and logged. */
  private ExportResult invoke(SinkCall call) {
    TraceSink target = sink;
    if (target == null && call != start) {
      return ExportResult.failure("the sink could not be built (see the error logged at start)");
    }
    try {
      ExportResult result = call.operation.apply(target);
      return result != null ? result : ExportResult.failure(call.name + " returned null");
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable t) {
      counters.increment(Counters.INTERNAL_ERRORS);
      SdkLog.errorOnce("sink-" + name + "-" + call.name,
          "Sink '" + name + "' threw from " + call.name, t);
      return ExportResult.failure(call.name + " threw " + t.getClass().getName());
    }
  }
}
