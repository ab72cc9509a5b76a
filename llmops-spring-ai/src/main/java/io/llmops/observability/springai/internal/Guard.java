package io.llmops.observability.springai.internal;

import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/**
 * Runs the SDK's part of an observation callback so that nothing it throws reaches Micrometer,
 * Spring AI or the application: a failure is counted ({@link #COUNTER_FAILED}) and logged once
 * per kind. Internal.
 */
public final class Guard {

  /** Observation callbacks the SDK failed to record (the call went on regardless). */
  public static final String COUNTER_FAILED = "spring_ai.trace_failed";

  private Guard() {}

  public static void run(String what, Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(COUNTER_FAILED);
      SdkLog.errorOnce("spring-ai." + what, "llmops: a Spring AI " + what
          + " was not fully recorded; the call goes on untouched", e);
    }
  }
}
