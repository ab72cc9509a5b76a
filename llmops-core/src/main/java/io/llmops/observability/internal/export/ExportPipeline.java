package io.llmops.observability.internal.export;

import io.llmops.observability.spi.SdkInfo;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.internal.wire.FieldLimits;
import io.llmops.observability.internal.wire.MessageEncoder;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.internal.wire.TraceJsonWriter;
import io.llmops.observability.spi.ExportResult;
import io.llmops.observability.spi.TraceMessage;
import io.llmops.observability.spi.TraceSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Moves finished traces off the application's threads: a queue bounded in traces and in bytes,
 * one daemon worker that encodes (redaction, truncation, gzip, base64) and hands batches to every
 * sink. A full queue drops the trace, counted and logged, instead of blocking the caller. A
 * failure inside the worker (even an {@code OutOfMemoryError}) loses at most the batch in hand,
 * counted at once as {@code dropped.worker_error}; the worker carries on, and is replaced should
 * it die all the same. Modelled on OpenTelemetry's BatchSpanProcessor. Internal.
 */
public final class ExportPipeline {

  private static final int MAX_BATCH = 64;
  private static final long POLL_MILLIS = 50;
  private static final Object WAKE = new Object();

  private record FlushRequest(long deadlineNanos, CompletableFuture<Boolean> done) {}

  private record Awaiting(long deadlineNanos, Runnable forceSend, BooleanSupplier sent) {}

  private final Counters counters;
  private final MessageEncoder encoder;
  private final List<TraceSink> sinks;
  private final ArrayBlockingQueue<Object> queue;
  private final ConcurrentLinkedQueue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Awaiting> awaiting = new ConcurrentLinkedQueue<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final AtomicLong queuedBytes = new AtomicLong();
  private final long maxQueuedBytes;
  /** Traces in the batch the worker holds that no counter accounts for yet. */
  private int unaccounted;
  private volatile Thread worker;
  private volatile boolean shutdown;
  private final Object shutdownLock = new Object();
  private Boolean shutdownResult;

  public ExportPipeline(LlmopsConfig config, Counters counters) {
    this.counters = counters;
    this.sinks = SinkFactory.create(config, counters);
    Redactor redactor = new Redactor(config.redactKeys());
    TraceJsonWriter writer = new TraceJsonWriter(redactor, counters, SdkInfo.NAME, SdkInfo.VERSION);
    FieldLimits limits = new FieldLimits(config.get(io.llmops.observability.internal.config.Settings.MAX_TRACE_IO_BYTES),
        config.get(io.llmops.observability.internal.config.Settings.MAX_SPAN_IO_BYTES),
        config.get(io.llmops.observability.internal.config.Settings.MAX_PROMPT_RESPONSE_BYTES),
        Integer.MAX_VALUE, 0);
    this.encoder = new MessageEncoder(writer, limits, config.maxMessageBytes(), counters);
    this.queue = new ArrayBlockingQueue<>(config.exportQueueCapacity());
    this.maxQueuedBytes = config.get(io.llmops.observability.internal.config.Settings.EXPORT_QUEUE_MAX_BYTES);
    startWorker();
  }

  private synchronized void startWorker() {
    Thread thread = new Thread(this::runWorker, "llmops-export");
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  /** What a queued trace holds in memory, roughly: its captured characters and its spans. */
  private static long queuedSize(TraceData trace) {
    return 2 * trace.capturedChars() + 512L * trace.spans().size();
  }

  /** Never blocks: a full queue or a stopped pipeline drops the trace, counted and logged. */
  public void submit(TraceData trace) {
    if (shutdown) {
      counters.increment(Counters.DROPPED_SHUTDOWN);
      SdkLog.warnOnce("dropped-shutdown", "A trace finalized after Llmops.shutdown was dropped");
      return;
    }
    long size = queuedSize(trace);
    // a trace larger than the whole byte bound still goes through an empty queue
    boolean fits = queuedBytes.addAndGet(size) <= maxQueuedBytes || queue.isEmpty();
    if (!fits || !queue.offer(trace)) {
      queuedBytes.addAndGet(-size);
      counters.increment(Counters.DROPPED_QUEUE_FULL);
      SdkLog.warnOnce("dropped-queue-full", "The export queue is full ("
          + queue.size() + " traces, about " + queuedBytes.get() + " bytes); a trace was dropped. "
          + "Raise LLMOPS_EXPORT_QUEUE_CAPACITY or LLMOPS_EXPORT_QUEUE_MAX_BYTES, or check the sinks");
    } else if (shutdown && terminated.getCount() == 0 && queue.remove(trace)) {
      // raced with shutdown: the worker is gone and nobody will take it
      counters.increment(Counters.DROPPED_SHUTDOWN);
    }
  }

  /** Runs {@code forceSend} at {@code deadlineNanos} unless {@code sent} is true by then. */
  public void awaitOpenSpans(long deadlineNanos, Runnable forceSend, BooleanSupplier sent) {
    awaiting.add(new Awaiting(deadlineNanos, forceSend, sent));
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
    queue.offer(WAKE);
    try {
      return request.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /** Delivers what is pending, then stops the worker and the sinks; idempotent. */
  public boolean shutdown(Duration timeout) {
    synchronized (shutdownLock) {
      if (shutdownResult != null) {
        return shutdownResult;
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      forceAwaiting(true); // finalized traces still waiting for spans go out now
      shutdown = true;
      queue.offer(WAKE);
      boolean drained = false;
      try {
        drained = terminated.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (drained) {
        long stranded = queue.stream().filter(o -> o != WAKE).count(); // offered while stopping
        queue.clear();
        counters.add(Counters.DROPPED_SHUTDOWN, stranded);
      } else {
        long left = queue.stream().filter(o -> o != WAKE).count();
        counters.add(Counters.DROPPED_PREFIX + "shutdown_timeout", left);
        SdkLog.warn("llmops: shutdown timed out with " + left + " traces still queued");
        worker.interrupt();
      }
      boolean sinksOk = true;
      for (TraceSink sink : sinks) {
        Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        sinksOk &= call(sink, "shutdown", () -> sink.shutdown(remaining)).isSuccess();
      }
      // traces the worker lost to its own failures make the shutdown unsuccessful too
      boolean nothingLost = counters.get(Counters.DROPPED_WORKER_ERROR) == 0
          && counters.get(Counters.DROPPED_ENCODING_FAILED) == 0;
      shutdownResult = drained && sinksOk && nothingLost;
      return shutdownResult;
    }
  }

  private void runWorker() {
    List<Object> drained = new ArrayList<>(MAX_BATCH);
    List<TraceData> batch = new ArrayList<>(MAX_BATCH);
    boolean stopped = false;
    try {
      while (!stopped) {
        try {
          stopped = workOnce(drained, batch);
        } catch (InterruptedException e) {
          stopped = shutdown;
        } catch (Throwable t) {
          onWorkerError(t, batch);
        }
      }
    } finally {
      if (stopped || shutdown) {
        serveFlushRequests(Integer.MAX_VALUE);
        terminated.countDown();
      } else {
        startWorker(); // died all the same (an error in its own error handling): carry on
      }
    }
  }

  /** One round: export what is queued, send traces whose grace ran out, serve flushes. */
  private boolean workOnce(List<Object> drained, List<TraceData> batch) throws InterruptedException {
    Object first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    if (first != null) {
      drained.add(first);
      queue.drainTo(drained, MAX_BATCH - 1);
    }
    for (Object item : drained) {
      if (item instanceof TraceData trace) {
        queuedBytes.addAndGet(-queuedSize(trace));
        batch.add(trace);
      }
    }
    drained.clear();
    if (!batch.isEmpty()) {
      unaccounted = batch.size();
      export(batch);
      unaccounted = 0;
      batch.clear();
    }
    forceAwaiting(false);
    // Only requests made before the queue is seen empty: what was submitted before them
    // has then been exported by this thread. A later request may still have work queued.
    int flushesBeforeCheck = flushRequests.size();
    if (queue.isEmpty()) {
      serveFlushRequests(flushesBeforeCheck);
      return shutdown;
    }
    return false;
  }

  /** Counts the batch in hand as lost, at once, then logs; never throws itself. */
  private void onWorkerError(Throwable t, List<TraceData> batch) {
    int lost = unaccounted;
    unaccounted = 0;
    batch.clear();
    try {
      counters.add(Counters.DROPPED_WORKER_ERROR, lost);
      counters.increment(Counters.INTERNAL_ERRORS);
      SdkLog.errorOnce("export-worker", "llmops export worker error; " + lost
          + " trace(s) in hand were dropped (" + Counters.DROPPED_WORKER_ERROR + "); continuing", t);
    } catch (Throwable ignored) {
      // out of memory again, say: the counter above is what matters, and it is an adder
    }
  }

  private void export(List<TraceData> batch) {
    List<TraceMessage> messages = new ArrayList<>(batch.size());
    for (TraceData trace : batch) {
      try {
        messages.add(encoder.encode(trace));
      } catch (Throwable t) {
        counters.increment(Counters.DROPPED_ENCODING_FAILED);
        unaccounted--;
        SdkLog.errorOnce("encode", "A trace could not be encoded and was dropped", t);
      }
    }
    if (messages.isEmpty()) {
      return;
    }
    for (TraceSink sink : sinks) {
      ExportResult result = call(sink, "export", () -> sink.export(messages));
      if (result.isSuccess()) {
        counters.add(Counters.EXPORTED_PREFIX + sink.name(), messages.size());
      } else {
        counters.add(Counters.EXPORT_FAILED_PREFIX + sink.name(), messages.size());
        SdkLog.warnOnce("export-failed-" + sink.name(), "Sink '" + sink.name() + "' failed to export "
            + messages.size() + " traces: " + result.reason());
      }
    }
  }

  private void forceAwaiting(boolean all) {
    long nowNanos = System.nanoTime();
    for (Iterator<Awaiting> it = awaiting.iterator(); it.hasNext(); ) {
      Awaiting entry = it.next();
      if (entry.sent().getAsBoolean()) {
        it.remove();
      } else if (all || nowNanos - entry.deadlineNanos() >= 0) {
        it.remove();
        entry.forceSend().run();
      }
    }
  }

  private void serveFlushRequests(int max) {
    FlushRequest request;
    for (int served = 0; served < max && (request = flushRequests.poll()) != null; served++) {
      boolean ok = true;
      for (TraceSink sink : sinks) {
        Duration remaining = Duration.ofNanos(Math.max(0, request.deadlineNanos() - System.nanoTime()));
        ok &= call(sink, "flush", () -> sink.flush(remaining)).isSuccess();
      }
      request.done().complete(ok);
    }
  }

  private interface SinkCall {
    ExportResult run();
  }

  /** Calls a sink; an exception or a null result becomes a failure, counted and logged. */
  private ExportResult call(TraceSink sink, String operation, SinkCall call) {
    try {
      ExportResult result = call.run();
      return result != null ? result : ExportResult.failure(operation + " returned null");
    } catch (Throwable t) {
      counters.increment(Counters.INTERNAL_ERRORS);
      SdkLog.errorOnce("sink-" + sink.name() + "-" + operation,
          "Sink '" + sink.name() + "' threw from " + operation, t);
      return ExportResult.failure(operation + " threw " + t.getClass().getName());
    }
  }
}
