package io.llmops.observability.agent.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the agent did: start-up time and number of classes woven. Internal. */
public final class StartupStats {

  private static volatile long installNanos = -1;
  private static final AtomicLong WOVEN = new AtomicLong();
  private static final AtomicLong CONTEXT_WOVEN = new AtomicLong();
  private static volatile boolean contextPropagation;

  private StartupStats() {}

  static void record(long nanos) {
    installNanos = nanos;
  }

  static void woven() {
    WOVEN.incrementAndGet();
  }

  static void contextWoven() {
    CONTEXT_WOVEN.incrementAndGet();
  }

  static void contextPropagation(boolean active) {
    contextPropagation = active;
  }

  /** JDK classes woven so that the trace context follows work to other threads. */
  public static long contextWovenClasses() {
    return CONTEXT_WOVEN.get();
  }

  /** Whether the trace context follows work handed to executors and virtual threads. */
  public static boolean contextPropagation() {
    return contextPropagation;
  }

  /** Nanoseconds {@code install} took, or -1 before it ran. */
  public static long installNanos() {
    return installNanos;
  }

  /** Classes woven so far (loaded and retransformed). */
  public static long wovenClasses() {
    return WOVEN.get();
  }
}
