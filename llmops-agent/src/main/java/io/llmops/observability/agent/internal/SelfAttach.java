package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attaches the agent to this JVM on a thread of its own, so that the caller can prepare the
 * weavings meanwhile: the attach mostly waits (for this JVM's attach listener, or for the helper
 * JVM ByteBuddy starts), the preparation mostly computes. It asks this JVM's attach listener
 * directly where that applies ({@link AttachListenerLoad}: Linux HotSpot), else ByteBuddy's
 * attach (a helper JVM unless {@code -Djdk.attach.allowAttachSelf=true}). The attach thread does not see the
 * caller's interrupt, and {@link #await} keeps it for the caller: the JDK's attach code would
 * otherwise swallow it or fail on it. Internal.
 */
public final class SelfAttach {

  private static volatile String way = "none";
  private static volatile long attachNanos = -1;

  private final Thread thread;
  /** Open once the attach itself ended, before {@code afterAttach} runs. */
  private final CountDownLatch attachEnded = new CountDownLatch(1);
  private final Consumer<Instrumentation> afterAttach;
  private Instrumentation instrumentation;
  /** What the attach threw: a RuntimeException or an Error. */
  private Throwable failure;

  private SelfAttach(Consumer<Instrumentation> afterAttach) {
    this.afterAttach = afterAttach;
    thread = new Thread(this::attach, "llmops-agent-attach");
    thread.setDaemon(true);
  }

  /** Starts attaching; on a JVM that cannot start a thread, attaches on the calling thread. */
  public static SelfAttach start() {
    return start(instrumentation -> { });
  }

  /**
   * Starts attaching, then runs {@code afterAttach} with the instrumentation on the same thread
   * before {@link #await} returns; on a JVM that cannot start a thread, on the calling thread.
   * A failure of {@code afterAttach} is not the attach's: it is the caller's to note (its
   * effect missing), so it is swallowed here.
   */
  public static SelfAttach start(Consumer<Instrumentation> afterAttach) {
    SelfAttach attach = new SelfAttach(afterAttach);
    try {
      attach.thread.start();
    } catch (OutOfMemoryError e) {
      attach.attach();
    }
    return attach;
  }

  /**
   * Waits for the attach to end, uninterruptibly (an interrupt of the caller is kept), and returns
   * this JVM's instrumentation; throws what the attach threw.
   */
  public Instrumentation await() {
    Uninterruptibly.join(thread);
    return instrumentationOrFailure();
  }

  /**
   * Waits, uninterruptibly like {@link #await}, for the attach itself (not for what runs after
   * it on the attach thread) and returns this JVM's instrumentation; throws what the attach
   * threw.
   */
  public Instrumentation awaitAttached() {
    Uninterruptibly.await(attachEnded);
    return instrumentationOrFailure();
  }

  private Instrumentation instrumentationOrFailure() {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return instrumentation;
  }

  /** How the last attach went: {@code attach listener} or {@code ByteBuddy}, for start-up reports. */
  public static String way() {
    return way;
  }

  /** How long the last attach took, on its own thread; -1 before one ended. */
  public static long attachNanos() {
    return attachNanos;
  }

  private void attach() {
    long started = System.nanoTime();
    try {
      instrumentation = throughAttachListener();
      if (instrumentation != null) {
        way = "attach listener";
      } else {
        instrumentation = ByteBuddyAgent.install();
        way = "ByteBuddy";
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      attachNanos = System.nanoTime() - started;
      attachEnded.countDown();
    }
    if (instrumentation != null) {
      try {
        afterAttach.accept(instrumentation);
      } catch (RuntimeException | LinkageError e) {
        // The caller sees the step's effect missing and does the work itself.
      }
    }
  }

  /** Null when that way does not apply or failed: ByteBuddy's attach is tried next. */
  private static Instrumentation throughAttachListener() {
    try {
      return AttachListenerLoad.load();
    } catch (IOException | RuntimeException | LinkageError e) {
      SdkLog.warnOnce("agent-attach-listener", "llmops-agent: could not load the agent through"
          + " this JVM's attach listener (" + e.getMessage() + "); attaching the usual way");
      return null;
    }
  }
}
