package io.llmops.observability.testing;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sink whose behaviour a test chooses: it can hold every export until released, throw, or
 * report failure. It keeps what it accepted and counts every export call.
 */
public final class ScriptedSink implements TraceSink {

  /** What {@link #export} does with a batch. */
  public enum Behaviour { ACCEPT, THROW, FAIL }

  private final String name;
  private final Behaviour behaviour;
  private final List<TraceMessage> accepted = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final CountDownLatch release;
  private final CountDownLatch firstExportEntered = new CountDownLatch(1);

  private ScriptedSink(String name, Behaviour behaviour, boolean blocking) {
    this.name = name;
    this.behaviour = behaviour;
    this.release = new CountDownLatch(blocking ? 1 : 0);
  }

  public static ScriptedSink accepting(String name) {
    return new ScriptedSink(name, Behaviour.ACCEPT, false);
  }

  /** Accepts batches, but each export waits until {@link #release()} is called. */
  public static ScriptedSink blockedUntilReleased(String name) {
    return new ScriptedSink(name, Behaviour.ACCEPT, true);
  }

  public static ScriptedSink throwing(String name) {
    return new ScriptedSink(name, Behaviour.THROW, false);
  }

  public static ScriptedSink failing(String name) {
    return new ScriptedSink(name, Behaviour.FAIL, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExportResult export(List<TraceMessage> batch) {
    firstExportEntered.countDown();
    try {
      if (!release.await(30, TimeUnit.SECONDS)) {
        return ExportResult.failure("test sink was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExportResult.failure("interrupted");
    }
    switch (behaviour) {
      case THROW:
        throw new IllegalStateException("sink '" + name + "' is broken on purpose");
      case FAIL:
        return ExportResult.failure("sink '" + name + "' refuses on purpose");
      default:
        for (TraceMessage message : batch) {
          for (String problem : SchemaValidator.validateBody(message.body())) {
            violations.add("trace " + message.traceId() + " -> " + problem);
          }
        }
        accepted.addAll(batch);
        return ExportResult.success();
    }
  }

  /** Lets every held and future export proceed. */
  public void release() {
    release.countDown();
  }

  /** Waits until the export worker is inside {@link #export} for the first time. */
  public boolean awaitFirstExport(long timeout, TimeUnit unit) throws InterruptedException {
    return firstExportEntered.await(timeout, unit);
  }

  public List<TraceMessage> accepted() {
    if (!violations.isEmpty()) {
      throw new AssertionError("messages violate docs/schema:\n  " + String.join("\n  ", violations));
    }
    return accepted;
  }
}
