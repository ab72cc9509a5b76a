package io.llmops.observability.internal.export;

import io.llmops.observability.internal.model.TraceData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Finished traces waiting for the worker, bounded in traces and, roughly, in the memory they hold. */
final class TraceQueue {

  private final ArrayBlockingQueue<TraceData> traces;
  private final AtomicLong bytes = new AtomicLong();
  private final long maxBytes;

  TraceQueue(int capacity, long maxBytes) {
    this.traces = new ArrayBlockingQueue<>(capacity);
    this.maxBytes = maxBytes;
  }

  /** What a queued trace holds in memory, roughly: its captured characters and its spans. */
  private static long sizeOf(TraceData trace) {
    return 2 * trace.capturedChars() + 512L * trace.spans().size();
  }

  /** Never blocks: false when the queue is full in traces or in bytes. */
  boolean offer(TraceData trace) {
    long size = sizeOf(trace);
    // a trace larger than the whole byte bound still goes through an empty queue
    boolean fits = bytes.addAndGet(size) <= maxBytes || traces.isEmpty();
    if (fits && traces.offer(trace)) {
      return true;
    }
    bytes.addAndGet(-size);
    return false;
  }

  /** Moves up to {@code max} traces into {@code into}; returns how many. */
  int drainTo(List<TraceData> into, int max) {
    int before = into.size();
    int moved = traces.drainTo(into, max);
    for (int i = before; i < into.size(); i++) {
      bytes.addAndGet(-sizeOf(into.get(i)));
    }
    return moved;
  }

  /** Takes out everything still waiting. */
  List<TraceData> takeAll() {
    List<TraceData> all = new ArrayList<>();
    drainTo(all, Integer.MAX_VALUE);
    return all;
  }

  /** Takes {@code trace} back out if it is still waiting. */
  boolean remove(TraceData trace) {
    if (traces.remove(trace)) {
      bytes.addAndGet(-sizeOf(trace));
      return true;
    }
    return false;
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }

  int size() {
    return traces.size();
  }

  long bytes() {
    return bytes.get();
  }
}
