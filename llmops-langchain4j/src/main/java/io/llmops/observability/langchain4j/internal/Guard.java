package io.llmops.observability.langchain4j.internal;

import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/**
 * Runs the SDK's part of a LangChain4j callback so that nothing it throws reaches LangChain4j or
 * the application: a failure is counted ({@link #COUNTER_FAILED}) and logged once per kind.
 * Internal.
 */
public final class Guard {

  /** Callbacks the SDK failed to record (the model call went on regardless). */
  public static final String COUNTER_FAILED = "langchain4j.trace_failed";

  private Guard() {}

  public static void run(String what, Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(COUNTER_FAILED);
      SdkLog.errorOnce("langchain4j." + what, "llmops: a LangChain4j " + what
          + " was not fully recorded; the call goes on untouched", e);
    }
  }
}
