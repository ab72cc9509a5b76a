package io.llmops.observability.internal.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs the SDK's background loops (the export worker, each sink's thread, the grace timer). A
 * loop that dies of an error, an {@code OutOfMemoryError} say, is taken up by a new thread while
 * the error goes on to the dead thread's uncaught-exception handler: fatal errors are reported,
 * not swallowed, and the work does not stop. Internal.
 */
public final class LoopThreads {

  private LoopThreads() {}

  /**
   * Daemon threads: the SDK never holds the JVM open. Their context class loader is the core's,
   * not the starting thread's: a web application's request thread would otherwise lend them its
   * loader, which a shared core's threads would then pin after the application is undeployed
   * (Tomcat reports such a thread as a leak).
   */
  public static ThreadFactory daemons() {
    return runnable -> {
      Thread thread = new Thread(runnable);
      thread.setDaemon(true);
      thread.setContextClassLoader(LoopThreads.class.getClassLoader());
      return thread;
    };
  }

  /**
   * Starts {@code loop} on a new thread of {@code threads} named {@code name}; the handle tells
   * when it has returned.
   */
  public static Running start(ThreadFactory threads, String name, Runnable loop) {
    Running running = new Running();
    running.startOn(threads, name, loop);
    return running;
  }

  /**
   * A started loop. Its owner waits for it to have returned before its shutdown returns, so that
   * no thread of a runtime shut down outlives the call (a servlet container checks, at once, that
   * an undeployed application left no thread running).
   */
  public static final class Running {

    /** The thread running the loop now: a new one after a fatal error. */
    private volatile Thread thread = new Thread(() -> { });

    private Running() {}

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for the loop to have
     * returned; at once when called from the loop's own thread.
     */
    public void awaitEnd(long deadlineNanos) {
      for (Thread current = thread; current != Thread.currentThread(); current = thread) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedJoin(current, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (!current.isAlive() && current == thread) {
          return;
        }
      }
    }

    private void startOn(ThreadFactory threads, String name, Runnable loop) {
      Thread next = threads.newThread(() -> runThenReplace(threads, name, loop));
      next.setName(name);
      thread = next;
      next.start();
    }

    private void runThenReplace(ThreadFactory threads, String name, Runnable loop) {
      boolean returned = false;
      try {
        loop.run();
        returned = true;
      } finally {
        if (!returned) {
          try {
            startOn(threads, name, loop);
          } catch (Throwable cannotStart) {
            // out of memory even for a thread: the error in flight still reaches the handler,
            // and what waits for this loop is bounded and counted by its owner
          }
        }
      }
    }
  }
}
