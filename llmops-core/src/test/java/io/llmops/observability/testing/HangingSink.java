package io.llmops.observability.testing;

import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that hangs for real: the operations it is told to hang in block, with no timeout of
 * their own and deaf to interruption, until {@link #release()}. Everything else it accepts. It
 * keeps what it accepted and the names of the threads that called it.
 */
public final class HangingSink implements TraceSink {

  /** The sink's operations. */
  public enum Operation { EXPORT, FLUSH, SHUTDOWN }

  private final String name;
  private final Set<Operation> hangsIn;
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch firstHang = new CountDownLatch(1);
  private final AtomicInteger hanging = new AtomicInteger();
  private final List<TraceMessage> accepted = new CopyOnWriteArrayList<>();
  private final List<String> callerThreads = new CopyOnWriteArrayList<>();

  private HangingSink(String name, Set<Operation> hangsIn) {
    this.name = name;
    this.hangsIn = hangsIn;
  }

  /** Hangs in every export until released. */
  public static HangingSink inExport(String name) {
    return new HangingSink(name, Set.of(Operation.EXPORT));
  }

  /** Hangs in the given operations until released. */
  public static HangingSink in(String name, Operation first, Operation... more) {
    return new HangingSink(name, java.util.EnumSet.of(first, more));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    hangIf(Operation.EXPORT);
    accepted.addAll(messages);
    return ExportResult.success();
  }

  @Override
  public ExportResult flush(Duration timeout) {
    hangIf(Operation.FLUSH);
    return ExportResult.success();
  }

  @Override
  public ExportResult shutdown(Duration timeout) {
    hangIf(Operation.SHUTDOWN);
    return ExportResult.success();
  }

  private void hangIf(Operation operation) {
    callerThreads.add(Thread.currentThread().getName());
    if (!hangsIn.contains(operation)) {
      return;
    }
    hanging.incrementAndGet();
    firstHang.countDown();
    boolean interrupted = false;
    while (released.getCount() > 0) {
      try {
        released.await();
      } catch (InterruptedException e) {
        interrupted = true; // a hung call does not notice
      }
    }
    hanging.decrementAndGet();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets every hanging and future call return. */
  public void release() {
    released.countDown();
  }

  /** Waits until some call hangs in this sink. */
  public boolean awaitHang(Duration timeout) throws InterruptedException {
    return firstHang.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Calls hanging in the sink right now. */
  public int hangingCalls() {
    return hanging.get();
  }

  public List<TraceMessage> accepted() {
    return accepted;
  }

  /** The name of the thread of every call so far, in order. */
  public List<String> callerThreads() {
    return List.copyOf(callerThreads);
  }
}
