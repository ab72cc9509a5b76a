package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/**
 * The runtime half of the API's argument rule: a runtime object (a span, a scope, the trace,
 * transaction and evaluation calls) never throws, so an invalid argument is ignored, counted
 * under {@code invalid_argument.<method>} and logged once a minute naming the method and the
 * argument, never its value. Builders and value objects throw IllegalArgumentException instead.
 * Internal.
 */
public final class InvalidArguments {

  /** Counter prefix; the method name follows. */
  public static final String COUNTER_PREFIX = "invalid_argument.";

  private InvalidArguments() {}

  /** Counts in {@code counters} and logs that {@code method} ignored an invalid {@code argument}. */
  public static void ignored(Counters counters, String method, String argument) {
    String counter = COUNTER_PREFIX.concat(method);
    counters.increment(counter);
    warn(counter, method, argument);
  }

  /**
   * Like {@link #ignored(Counters, String, String)}, counting in the installed runtime: for calls
   * that belong to no trace (the no-op span, the facades).
   */
  public static void ignored(String method, String argument) {
    String counter = COUNTER_PREFIX.concat(method);
    SdkCounters.increment(counter);
    warn(counter, method, argument);
  }

  private static void warn(String counter, String method, String argument) {
    SdkLog.warnOnce(counter + '.' + argument, "llmops: " + method + " was called with an invalid "
        + argument + "; the call was ignored and counted as " + counter
        + " (docs/TELEMETRY.md, \"Arguments\")");
  }
}
