package io.llmops.observability.springai.internal;

import io.llmops.observability.providers.internal.FrameworkCalls;

/**
 * Runs the SDK's part of a Spring AI callback: nothing it throws reaches Spring AI or the
 * application (counted as {@code spring_ai.trace_failed}, logged once per kind). Internal.
 */
public final class Guard {

  private Guard() {}

  public static void run(String what, Runnable recording) {
    FrameworkCalls.guard("spring-ai", what, recording);
  }
}
