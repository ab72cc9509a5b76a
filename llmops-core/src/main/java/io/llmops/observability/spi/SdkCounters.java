package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;
import io.llmops.observability.internal.common.Counters;
import org.jspecify.annotations.Nullable;

/**
 * Counters of the running SDK, for modules: what is added here appears in {@code
 * Llmops.stats()} beside the core's own counters, and goes with the runtime when {@code
 * Llmops.configure} replaces it. A module counts every item it loses under {@code
 * dropped.<reason>}, so that nothing is lost silently. Thread-safe; never throws.
 */
public final class SdkCounters {

  /** The prefix of the counters of lost items; {@code docs/OPERATIONS.md} adds them up. */
  public static final String DROPPED_PREFIX = Counters.DROPPED_PREFIX;

  private SdkCounters() {}

  /** Adds one to {@code name}; does nothing when {@code name} is null. */
  public static void increment(@Nullable String name) {
    add(name, 1);
  }

  /** Adds {@code delta} to {@code name}; does nothing when {@code name} is null. */
  public static void add(@Nullable String name, long delta) {
    if (name == null) {
      return;
    }
    try {
      Bridge.core().addToCounter(name, delta);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("sdk-counters", "llmops: a module's counter was not added", e);
    }
  }

  /** Counts one loss under {@code dropped.<reason>}. */
  public static void countDropped(@Nullable String reason) {
    countDropped(reason, 1);
  }

  /**
   * Counts {@code losses} under {@code dropped.<reason>}. The name is joined without
   * invokedynamic, so that woven code may call this where the stack is short: linking a call
   * site the first time takes far more stack than the call.
   */
  public static void countDropped(@Nullable String reason, long losses) {
    if (reason != null) {
      add(DROPPED_PREFIX.concat(reason), losses);
    }
  }
}
