package io.llmops.observability.agent.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the agent did: start-up time and number of classes woven. Internal. */
public final class StartupStats {

  private static volatile long installNanos = -1;
  private static final AtomicLong WOVEN = new AtomicLong();

  private StartupStats() {}

  static void record(long nanos) {
    installNanos = nanos;
  }

  static void woven() {
    WOVEN.incrementAndGet();
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
