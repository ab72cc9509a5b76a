package io.llmops.observability.agent.internal;

import java.util.concurrent.CountDownLatch;

/**
 * Waits that an interrupt does not cut short: the agent's start must end, and the caller's
 * interrupt status is kept for it to see afterwards. Internal.
 */
final class Uninterruptibly {

  /** One way of waiting, which may be interrupted. */
  @FunctionalInterface
  interface Wait {
    void run() throws InterruptedException;
  }

  private Uninterruptibly() {}

  static void await(CountDownLatch latch) {
    waitFor(latch::await);
  }

  static void join(Thread thread) {
    waitFor(() -> {
      while (thread.isAlive()) {
        thread.join();
      }
    });
  }

  private static void waitFor(Wait wait) {
    boolean interrupted = false;
    while (true) {
      try {
        wait.run();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
