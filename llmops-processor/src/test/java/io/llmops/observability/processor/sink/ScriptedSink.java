package io.llmops.observability.processor.sink;

import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.TraceSink;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A sink that fails as scripted, then takes every export: each call takes the next scripted
 * failure, if any. {@link #hangOnce()} makes a call wait until interrupted.
 */
final class ScriptedSink implements TraceSink {

  private static final Exception HANG = new Exception("hang");

  private final String name;
  private final ConcurrentLinkedQueue<Exception> script = new ConcurrentLinkedQueue<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> held = new CopyOnWriteArrayList<>();

  ScriptedSink(String name) {
    this.name = name;
  }

  ScriptedSink failWith(Exception... failures) {
    script.addAll(List.of(failures));
    return this;
  }

  ScriptedSink hangOnce() {
    script.add(HANG);
    return this;
  }

  /** The export ids of every call, in order. */
  List<String> calls() {
    return calls;
  }

  /** The export ids this sink took. */
  List<String> held() {
    return held;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(ExportedTrace trace) throws Exception {
    calls.add(trace.exportId());
    Exception next = script.poll();
    if (next == HANG) {
      new CountDownLatch(1).await();
    }
    if (next != null) {
      throw next;
    }
    held.add(trace.exportId());
  }
}
