package io.llmops.observability.sqs.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Messages waiting for a worker, bounded by count and by bytes. Internal. */
final class PendingQueue {

  private final int maxMessages;
  private final long maxBytes;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private long bytes;

  PendingQueue(int maxMessages, long maxBytes) {
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** Adds {@code entry}, waiting until {@code deadlineNanos} at most for room. */
  boolean offer(Entry entry, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (!entries.isEmpty()
          && (entries.size() >= maxMessages || bytes + entry.bodyBytes > maxBytes)) {
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
          return false;
        }
        notFull.awaitNanos(wait);
      }
      entries.addLast(entry);
      bytes += entry.bodyBytes;
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the head if it needs at most {@code maxRequestBytes}, waiting up to {@code waitNanos}
   * for one; null when none came or the head does not fit.
   */
  Entry poll(long waitNanos, int maxRequestBytes) throws InterruptedException {
    lock.lock();
    try {
      long wait = waitNanos;
      while (entries.isEmpty()) {
        if (wait <= 0) {
          return null;
        }
        wait = notEmpty.awaitNanos(wait);
      }
      Entry head = entries.peekFirst();
      if (head.requestBytes() > maxRequestBytes) {
        return null;
      }
      entries.pollFirst();
      bytes -= head.bodyBytes;
      notFull.signalAll();
      return head;
    } finally {
      lock.unlock();
    }
  }

  List<Entry> drainAll() {
    lock.lock();
    try {
      List<Entry> all = new ArrayList<>(entries);
      entries.clear();
      bytes = 0;
      notFull.signalAll();
      return all;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

}
