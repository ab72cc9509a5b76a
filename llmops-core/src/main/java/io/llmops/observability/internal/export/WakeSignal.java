package io.llmops.observability.internal.export;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wakes the worker when there is work, instead of the worker polling for it. Raising costs one
 * volatile read while the worker is busy: only a worker that said it sleeps is signalled.
 */
final class WakeSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition raised = lock.newCondition();
  private volatile boolean sleeping;
  private boolean pending;

  /**
   * Call after making new work visible to the worker's {@code hasWork}. A worker that goes to
   * sleep checks for work after saying so, so it either sees this work or is signalled here.
   */
  void raise() {
    if (!sleeping) {
      return;
    }
    lock.lock();
    try {
      pending = true;
      raised.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps until {@link #raise()}, unless {@code hasWork} says there is something to do. */
  void sleepUnless(BooleanSupplier hasWork) {
    sleeping = true;
    try {
      if (hasWork.getAsBoolean()) {
        return;
      }
      lock.lock();
      try {
        while (!pending) {
          raised.awaitUninterruptibly();
        }
        pending = false;
      } finally {
        lock.unlock();
      }
    } finally {
      sleeping = false;
    }
  }
}
