package io.llmops.observability.internal.common;

import java.util.concurrent.ThreadFactory;

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

  /** Starts {@code loop} on a new thread of {@code threads} named {@code name}. */
  public static void start(ThreadFactory threads, String name, Runnable loop) {
    Thread thread = threads.newThread(() -> runThenReplace(threads, name, loop));
    thread.setName(name);
    thread.start();
  }

  private static void runThenReplace(ThreadFactory threads, String name, Runnable loop) {
    boolean returned = false;
    try {
      loop.run();
      returned = true;
    } finally {
      if (!returned) {
        try {
          start(threads, name, loop);
        } catch (Throwable cannotStart) {
          // out of memory even for a thread: the error in flight still reaches the handler,
          // and what waits for this loop is bounded and counted by its owner
        }
      }
    }
  }
}
