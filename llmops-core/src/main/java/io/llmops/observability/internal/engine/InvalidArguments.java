package io.llmops.observability.internal.engine;

import io.llmops.observability.internal.common.InternalLog;

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

  /** Counts and logs that {@code method} ignored a call because {@code argument} was invalid. */
  public static void ignored(String method, String argument) {
    String counter = COUNTER_PREFIX.concat(method);
    Tracer.get().counters().increment(counter);
    InternalLog.warnOnce(counter + '.' + argument, "llmops: " + method + " was called with an "
        + "invalid " + argument + "; the call was ignored and counted as " + counter
        + " (docs/TELEMETRY.md, \"Arguments\")");
  }
}
