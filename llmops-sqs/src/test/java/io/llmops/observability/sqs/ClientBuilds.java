package io.llmops.observability.sqs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Registered as a global AWS SDK interceptor (test resources,
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}): the SDK creates one for
 * every client it builds, on the thread that builds the client, which this records.
 */
public final class ClientBuilds implements ExecutionInterceptor {

  private static final List<String> THREADS = new CopyOnWriteArrayList<>();

  public ClientBuilds() {
    THREADS.add(Thread.currentThread().getName());
  }

  /** The names of the threads that built a client since the last {@link #clear()}. */
  static List<String> threads() {
    return List.copyOf(THREADS);
  }

  static void clear() {
    THREADS.clear();
  }
}
