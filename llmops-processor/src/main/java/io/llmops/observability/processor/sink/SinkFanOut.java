package io.llmops.observability.processor.sink;

import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.ObjectStore;
import io.llmops.observability.processor.TraceDelivery;
import io.llmops.observability.processor.TraceSink;
import io.llmops.observability.processor.sink.internal.DeliveryLedger;
import io.llmops.observability.processor.sink.internal.SinkCounters;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers each export to every sink at once, each sink on a thread of its own: a sink retries
 * under the {@link DeliveryPolicy} (a {@link SinkFailure} that is not retryable ends it at once;
 * another exception is retried, an {@link IllegalArgumentException} excepted), and a sink still
 * busy at the policy's deadline is abandoned, so a hung sink delays neither the others nor the
 * batch beyond that deadline.
 *
 * <p>Once a sink holds an export, the delivery ledger in the {@link ObjectStore} records it
 * ({@code deliveries/{exportId}/{sink}}); a sink recorded there is skipped. {@link #deliver}
 * returns true only when every sink holds the export; a retry of the same export, from this
 * processor or another, redoes only the sinks without a record.
 *
 * <p>Counters by sink ({@link #counters()}); one WARNING line per failed sink delivery, naming the
 * sink, the export id and the cause, never trace content. Thread-safe: consumers call it at once.
 */
public final class SinkFanOut implements TraceDelivery, AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.llmops.observability.processor");
  /** Sink calls in flight at most, per sink: beyond it a delivery fails rather than queue up. */
  private static final int THREADS_PER_SINK = 32;

  private final List<TraceSink> sinks;
  private final DeliveryLedger ledger;
  private final DeliveryPolicy policy;
  private final SinkCounters counters = new SinkCounters();
  private final ThreadPoolExecutor threads;

  /**
   * @throws IllegalArgumentException naming the argument when one is null, {@code sinks} is
   *     empty, or two sinks share a name
   */
  public SinkFanOut(List<TraceSink> sinks, ObjectStore store, DeliveryPolicy policy) {
    if (sinks == null || sinks.isEmpty() || sinks.stream().anyMatch(sink -> sink == null)) {
      throw new IllegalArgumentException("sinks must name at least one sink and no null");
    }
    if (store == null) {
      throw new IllegalArgumentException("store must not be null");
    }
    if (policy == null) {
      throw new IllegalArgumentException("policy must not be null");
    }
    HashSet<String> names = new HashSet<>();
    for (TraceSink sink : sinks) {
      if (!names.add(sink.name())) {
        throw new IllegalArgumentException("sinks must have distinct names: " + sink.name()
            + " is there twice (the delivery ledger keys on the name)");
      }
    }
    this.sinks = List.copyOf(sinks);
    this.ledger = new DeliveryLedger(store, Clock.systemUTC());
    this.policy = policy;
    AtomicInteger count = new AtomicInteger();
    this.threads = new ThreadPoolExecutor(0, THREADS_PER_SINK * sinks.size(), 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "llmops-sink-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The sinks' names, in the order given. */
  public List<String> sinkNames() {
    return sinks.stream().map(TraceSink::name).toList();
  }

  @Override
  public boolean deliver(ExportedTrace trace) {
    if (trace == null) {
      LOG.log(Level.WARNING, "sink delivery: no export given (null); nothing delivered");
      return false;
    }
    long deadline = System.nanoTime() + policy.sinkDeadline().toNanos();
    List<SinkCall> calls = new ArrayList<>(sinks.size());
    for (TraceSink sink : sinks) {
      SinkCall call = new SinkCall(sink, trace, deadline);
      try {
        call.future = threads.submit(call::run);
      } catch (RejectedExecutionException e) {
        call.fail("too many deliveries to this sink in flight");
      }
      calls.add(call);
    }
    boolean all = true;
    for (SinkCall call : calls) {
      all &= call.await();
    }
    return all;
  }

  /** The counters so far: {@code sink.<name>.delivered}, {@code .failed}, {@code .retried}, {@code .skipped}. */
  public Map<String, Long> counters() {
    return counters.snapshot();
  }

  /** Stops the sinks' threads, interrupting calls still running, and closes the sinks that hold resources. */
  @Override
  public void close() {
    threads.shutdownNow();
    for (TraceSink sink : sinks) {
      if (sink instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "sink " + sink.name() + ": closing failed ("
              + e.getClass().getSimpleName() + ")");
        }
      }
    }
  }

  /** One sink's part of one delivery; whichever side settles it first (the call or the wait) counts it. */
  private final class SinkCall {

    private final TraceSink sink;
    private final ExportedTrace trace;
    private final long deadline;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Future<Boolean> future;

    SinkCall(TraceSink sink, ExportedTrace trace, long deadline) {
      this.sink = sink;
      this.trace = trace;
      this.deadline = deadline;
    }

    boolean await() {
      if (future == null) {
        return false;
      }
      try {
        return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        fail("no answer within " + policy.sinkDeadline().toMillis() + " ms"); // settled before the interrupt
        future.cancel(true);
        return false;
      } catch (ExecutionException e) {
        return fail(e.getCause().getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
        future.cancel(true);
        return false;
      }
    }

    boolean run() {
      String name = sink.name();
      try {
        if (ledger.holds(trace.exportId(), name)) {
          if (settled.compareAndSet(false, true)) {
            counters.skipped(name);
          }
          return true;
        }
      } catch (IOException | RuntimeException e) {
        return fail("the delivery ledger could not be read (" + e.getClass().getSimpleName() + ")");
      }
      if (!attempts()) {
        return false;
      }
      try {
        ledger.record(trace.exportId(), name);
      } catch (IOException | RuntimeException e) {
        return fail("delivered, but the delivery ledger could not be written ("
            + e.getClass().getSimpleName() + "); the next delivery sends it again");
      }
      if (settled.compareAndSet(false, true)) {
        counters.delivered(name);
      }
      return true;
    }

    /** Calls the sink until it takes the export; false (counted and logged) when it does not. */
    private boolean attempts() {
      for (int attempt = 1; ; attempt++) {
        String cause;
        Duration pause = policy.backoff(attempt);
        try {
          sink.deliver(trace);
          return true;
        } catch (SinkFailure failure) {
          if (!failure.retryable()) {
            return fail(failure.getMessage());
          }
          cause = failure.getMessage();
          Duration asked = failure.retryAfter();
          if (asked != null && asked.compareTo(pause) > 0) {
            pause = asked;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return fail("interrupted");
        } catch (IllegalArgumentException e) {
          return fail("the sink could not take the export (IllegalArgumentException)");
        } catch (Exception e) {
          cause = e.getClass().getSimpleName();
        }
        if (attempt >= policy.attempts()) {
          return fail(cause + ", after " + attempt + " attempts");
        }
        if (System.nanoTime() + pause.toNanos() - deadline > 0) {
          return fail(cause + ", and no time left for another attempt");
        }
        if (settled.get()) {
          return false; // abandoned at the deadline: counted there
        }
        counters.retried(sink.name());
        try {
          TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return fail("interrupted");
        }
      }
    }

    boolean fail(String cause) {
      if (settled.compareAndSet(false, true)) {
        counters.failed(sink.name());
        LOG.log(Level.WARNING, "sink " + sink.name() + ": export " + trace.exportId()
            + " not delivered: " + cause + "; it stays for the next delivery");
      }
      return false;
    }
  }
}
