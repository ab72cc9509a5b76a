package io.llmops.observability.agent.internal;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attaches the agent to this JVM on a thread of its own, so that the caller can prepare the
 * weavings meanwhile: the attach mostly waits (for the helper JVM ByteBuddy starts, or for this
 * JVM's attach listener), the preparation mostly computes. The attach thread does not see the
 * caller's interrupt, and {@link #await} keeps it for the caller: the JDK's attach code would
 * otherwise swallow it or fail on it. Internal.
 */
public final class SelfAttach {

  private final Thread thread;
  private Instrumentation instrumentation;
  /** What the attach threw: a RuntimeException or an Error. */
  private Throwable failure;

  private SelfAttach() {
    thread = new Thread(this::attach, "llmops-agent-attach");
    thread.setDaemon(true);
  }

  /** Starts attaching; on a JVM that cannot start a thread, attaches on the calling thread. */
  public static SelfAttach start() {
    SelfAttach attach = new SelfAttach();
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
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return instrumentation;
  }

  private void attach() {
    try {
      instrumentation = ByteBuddyAgent.install();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }
}
