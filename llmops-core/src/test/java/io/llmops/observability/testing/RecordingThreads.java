package io.llmops.observability.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory for the SDK's background loops that keeps every thread it made and every
 * error that reached one of their uncaught-exception handlers.
 */
public final class RecordingThreads implements ThreadFactory {

  private final List<Thread> created = new CopyOnWriteArrayList<>();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((dead, error) -> uncaught.add(error));
    created.add(thread);
    return thread;
  }

  /** The threads made so far that carry {@code name}, oldest first. */
  public List<Thread> named(String name) {
    return created.stream().filter(thread -> thread.getName().equals(name)).toList();
  }

  /** Errors that ended one of the threads, in order. */
  public List<Throwable> uncaught() {
    return List.copyOf(uncaught);
  }
}
