package io.llmops.observability.internal.export;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.common.LoopThreads;
import io.llmops.observability.internal.export.SinkCall.Outcome;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.spi.SdkLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Moves finished traces off the application's threads, as OpenTelemetry's BatchSpanProcessor
 * does: a queue bounded in traces and in bytes, and one worker that sleeps until there is work,
 * a flush or a shutdown, encodes each trace (redaction, truncation, gzip, base64) and hands the
 * batch to every sink at once, each on a thread of its own ({@link SinkLane}), waiting for each
 * at most the export timeout. A full queue drops the trace, counted and logged, instead of
 * blocking the caller. A fatal error (an {@code OutOfMemoryError} while encoding, say) is counted
 * at once, then propagates to the thread's uncaught-exception handler, and a new worker takes up
 * the rest of the batch. The pipeline reads no configuration: it is handed its sinks, encoder,
 * counters, bounds and threads ({@link PipelineFactory} builds one from configuration). Internal.
 */
public final class ExportPipeline {

  static final int MAX_BATCH = 64;

  private record FlushRequest(long deadlineNanos, CompletableFuture<Boolean> done) {}

  private final TraceEncoder encoder;
  private final Counters counters;
  private final List<SinkLane> lanes;
  private final LoopThreads.Running worker;
  private final long exportTimeoutNanos;
  private final TraceQueue queue;
  private final WakeSignal wake = new WakeSignal();
  private final ConcurrentLinkedQueue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
  private final BatchInHand batch = new BatchInHand(MAX_BATCH);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile boolean shutdown;
  private final Object shutdownLock = new Object();
  private Boolean shutdownResult;

  /** Starts the pipeline; each sink is built on its lane's thread at once, before any call. */
  public ExportPipeline(List<SinkRecipe> sinks, TraceEncoder encoder, Counters counters,
      ExportOptions options, ThreadFactory threads) {
    this.encoder = encoder;
    this.counters = counters;
    this.exportTimeoutNanos = options.exportTimeout().toNanos();
    this.queue = new TraceQueue(options.queueCapacity(), options.maxQueuedBytes());
    List<SinkLane> sinkLanes = new ArrayList<>(sinks.size());
    for (SinkRecipe sink : sinks) {
      sinkLanes.add(new SinkLane(sink, options.exportTimeout(), counters, threads));
    }
    this.lanes = List.copyOf(sinkLanes);
    this.worker = LoopThreads.start(threads, "llmops-export", this::work);
  }

  /** Never blocks: a full queue or a stopped pipeline drops the trace, counted and logged. */
  public void submit(TraceData trace) {
    if (shutdown) {
      counters.increment(Counters.DROPPED_SHUTDOWN);
      SdkLog.warnOnce("dropped-shutdown", "A trace finalized after Llmops.shutdown was dropped");
      return;
    }
    if (!queue.offer(trace)) {
      counters.increment(Counters.DROPPED_QUEUE_FULL);
      SdkLog.warnOnce("dropped-queue-full", "The export queue is full ("
          + queue.size() + " traces, about " + queue.bytes() + " bytes); a trace was dropped. "
          + "Raise LLMOPS_EXPORT_QUEUE_CAPACITY or LLMOPS_EXPORT_QUEUE_MAX_BYTES, or check the sinks");
    } else if (shutdown && terminated.getCount() == 0 && queue.remove(trace)) {
      // raced with shutdown: the worker is gone and nobody will take it
      counters.increment(Counters.DROPPED_SHUTDOWN);
    } else {
      wake.raise();
    }
  }

  public boolean isShutdown() {
    return shutdown;
  }

  /** Waits at most {@code timeout} for everything queued so far to pass through every sink. */
  public boolean flush(Duration timeout) {
    if (shutdown) {
      return terminated.getCount() == 0;
    }
    FlushRequest request =
        new FlushRequest(System.nanoTime() + timeout.toNanos(), new CompletableFuture<>());
    flushRequests.add(request);
    wake.raise();
    try {
      return request.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * Delivers what is queued within {@code timeout}, then shuts every sink down within what is
   * left; a sink still shutting down then gets up to the export timeout. Idempotent.
   */
  public boolean shutdown(Duration timeout) {
    synchronized (shutdownLock) {
      if (shutdownResult != null) {
        return shutdownResult;
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      shutdown = true;
      wake.raise();
      boolean drained = awaitTermination(deadline);
      worker.awaitEnd(deadline);
      List<TraceData> left = queue.takeAll();
      if (drained) {
        counters.add(Counters.DROPPED_SHUTDOWN, left.size()); // offered while stopping
      } else {
        counters.add(Counters.DROPPED_PREFIX + "shutdown_timeout", left.size());
        SdkLog.warnEvenAtExit("llmops: shutdown timed out with " + left.size() + " traces still "
            + "queued; they are lost, counted as " + Counters.DROPPED_PREFIX + "shutdown_timeout");
      }
      boolean sinksOk = shutDownSinks(deadline);
      // traces the worker lost to its own failures make the shutdown unsuccessful too
      boolean nothingLost = counters.get(Counters.DROPPED_WORKER_ERROR) == 0
          && counters.get(Counters.DROPPED_ENCODING_FAILED) == 0;
      shutdownResult = drained && sinksOk && nothingLost;
      return shutdownResult;
    }
  }

  private boolean awaitTermination(long deadlineNanos) {
    try {
      return terminated.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean shutDownSinks(long deadlineNanos) {
    long waitUntil = Math.max(deadlineNanos, System.nanoTime() + exportTimeoutNanos);
    List<Outcome> outcomes =
        callEverySink("shutdown", 0, sink -> sink.shutdown(remaining(deadlineNanos)), waitUntil);
    boolean ok = true;
    for (int i = 0; i < lanes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      ok &= outcome.success();
      if (outcome.timedOut()) {
        SdkLog.warnOnce("shutdown-timeout-" + lanes.get(i).name(), "Sink '" + lanes.get(i).name()
            + "' did not shut down: " + outcome.reason());
      }
      lanes.get(i).close();
    }
    lanes.forEach(lane -> lane.awaitEnd(waitUntil));
    return ok;
  }

  private void work() {
    boolean stopped = false;
    while (!stopped) {
      try {
        stopped = workOnce();
      } catch (VirtualMachineError fatal) {
        throw fatal; // counted where it struck; a new worker takes over (LoopThreads)
      } catch (Throwable t) {
        counters.increment(Counters.INTERNAL_ERRORS);
        SdkLog.errorOnce("export-worker", "llmops export worker error; the traces in hand were "
            + "counted as lost (" + Counters.DROPPED_WORKER_ERROR + " or export_failed.<sink>); continuing", t);
      }
    }
  }

  /**
   * One round: the batch in hand, else the next one from the queue, else the flushes, else
   * sleep until there is work. Returns true once shut down with nothing left.
   */
  private boolean workOnce() {
    exportBatchInHand();
    // Only flushes requested before the queue is seen empty: what was submitted before them
    // has then been exported by this thread. A later request may still have work queued.
    int flushesBeforeCheck = flushRequests.size();
    if (queue.drainTo(batch.traces(), MAX_BATCH) > 0) {
      return false;
    }
    serveFlushRequests(flushesBeforeCheck);
    if (shutdown) {
      serveFlushRequests(Integer.MAX_VALUE);
      terminated.countDown();
      return true;
    }
    wake.sleepUnless(this::hasWork);
    return false;
  }

  private boolean hasWork() {
    return shutdown || !flushRequests.isEmpty() || !queue.isEmpty();
  }

  private void exportBatchInHand() {
    if (batch.isEmpty()) {
      return;
    }
    encodeRest();
    try {
      deliver();
    } catch (Throwable t) {
      accountForLoss();
      throw t;
    }
  }

  /**
   * Encodes what is left of the batch. A trace that cannot be encoded is counted and left out;
   * a fatal error propagates once counted, and the next worker encodes the rest.
   */
  private void encodeRest() {
    while (batch.hasTraceToEncode()) {
      TraceData trace = batch.takeNextToEncode();
      try {
        batch.addMessage(encoder.encode(trace));
      } catch (Throwable t) {
        counters.increment(Counters.DROPPED_ENCODING_FAILED);
        SdkLog.errorOnce("encode", "A trace could not be encoded and was dropped ("
            + Counters.DROPPED_ENCODING_FAILED + ")", t);
        if (t instanceof VirtualMachineError fatal) {
          throw fatal;
        }
      }
    }
  }

  private void deliver() {
    List<TraceMessage> messages = batch.messages();
    if (!messages.isEmpty()) {
      List<Outcome> outcomes = callEverySink("export", messages.size(),
          sink -> sink.export(messages), System.nanoTime() + exportTimeoutNanos);
      for (int i = 0; i < lanes.size(); i++) {
        count(lanes.get(i).name(), outcomes.get(i), messages.size());
        batch.sinkCounted();
      }
    }
    batch.clear();
  }

  private void count(String sink, Outcome outcome, int traces) {
    if (outcome.success()) {
      counters.add(Counters.HANDED_OFF_PREFIX + sink, traces);
      return;
    }
    counters.add(Counters.EXPORT_FAILED_PREFIX + sink, traces);
    if (outcome.timedOut()) {
      counters.add(Counters.EXPORT_TIMED_OUT_PREFIX + sink, traces);
    }
    SdkLog.warnOnce("export-failed-" + sink, "Sink '" + sink + "' failed to export "
        + traces + " traces: " + outcome.reason());
  }

  /**
   * The worker failed while delivering the batch in hand: what no sink's counters took yet is
   * lost for every sink ({@code dropped.worker_error}), the rest for the sinks not yet counted.
   */
  private void accountForLoss() {
    int traces = batch.messageCount();
    if (batch.sinksCounted() == 0) {
      counters.add(Counters.DROPPED_WORKER_ERROR, traces);
    } else {
      for (int i = batch.sinksCounted(); i < lanes.size(); i++) {
        counters.add(Counters.EXPORT_FAILED_PREFIX + lanes.get(i).name(), traces);
      }
    }
    batch.clear();
  }

  private void serveFlushRequests(int max) {
    FlushRequest request;
    for (int served = 0; served < max && (request = flushRequests.poll()) != null; served++) {
      request.done().complete(flushSinks(request.deadlineNanos()));
    }
  }

  private boolean flushSinks(long deadlineNanos) {
    if (deadlineNanos - System.nanoTime() <= 0) {
      return false; // its caller has stopped waiting
    }
    boolean ok = true;
    for (Outcome outcome :
        callEverySink("flush", 0, sink -> sink.flush(remaining(deadlineNanos)), deadlineNanos)) {
      ok &= outcome.success();
    }
    return ok;
  }

  /** Calls every sink at once, each on its lane, and collects what came of each by the deadline. */
  private List<Outcome> callEverySink(String name, int traces,
      Function<TraceSink, ExportResult> operation, long deadlineNanos) {
    List<SinkCall> calls = new ArrayList<>(lanes.size());
    for (SinkLane lane : lanes) {
      calls.add(lane.call(name, traces, operation));
    }
    List<Outcome> outcomes = new ArrayList<>(lanes.size());
    for (int i = 0; i < lanes.size(); i++) {
      outcomes.add(lanes.get(i).await(calls.get(i), deadlineNanos));
    }
    return outcomes;
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}
