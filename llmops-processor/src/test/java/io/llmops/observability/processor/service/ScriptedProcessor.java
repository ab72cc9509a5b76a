package io.llmops.observability.processor.service;

import io.llmops.observability.processor.BatchProcessor;
import io.llmops.observability.processor.IncomingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, simple {@link BatchProcessor}: it records every body it is handed and, on demand, asks
 * to retry a body the first times it sees it, holds batches until released, or throws.
 */
public final class ScriptedProcessor implements BatchProcessor {

  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<String, Integer> retries = new ConcurrentHashMap<>();
  private final List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger sweeps = new AtomicInteger();
  private final CountDownLatch batchStarted = new CountDownLatch(1);
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private volatile boolean throwing;

  /** Asks to retry {@code body} the first {@code times} times it arrives. */
  public ScriptedProcessor retrying(String body, int times) {
    retries.put(body, times);
    return this;
  }

  /** Holds every batch until {@link #release()}. */
  ScriptedProcessor holding() {
    hold = new CountDownLatch(1);
    return this;
  }

  public ScriptedProcessor throwing() {
    throwing = true;
    return this;
  }

  void release() {
    hold.countDown();
  }

  void awaitBatchStarted() throws InterruptedException {
    batchStarted.await();
  }

  /** Bodies whose processing finished as done, in order. */
  public List<String> done() {
    synchronized (done) {
      return List.copyOf(done);
    }
  }

  /** How many times {@code body} was handed over. */
  public int timesSeen(String body) {
    AtomicInteger count = seen.get(body);
    return count == null ? 0 : count.get();
  }

  public int sweeps() {
    return sweeps.get();
  }

  @Override
  public BatchOutcome process(List<IncomingMessage> batch) {
    batchStarted.countDown();
    try {
      hold.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (throwing) {
      throw new IllegalStateException("scripted failure");
    }
    List<String> retry = new ArrayList<>();
    for (IncomingMessage message : batch) {
      int times = seen.computeIfAbsent(message.body(), b -> new AtomicInteger()).incrementAndGet();
      if (times <= retries.getOrDefault(message.body(), 0)) {
        retry.add(message.id());
      } else {
        done.add(message.body());
      }
    }
    return new BatchOutcome(retry);
  }

  @Override
  public int sweep() {
    sweeps.incrementAndGet();
    return 0;
  }
}
