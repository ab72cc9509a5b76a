package io.llmops.observability.langchain4j.internal;

import io.llmops.observability.providers.internal.FrameworkCalls;

/**
 * Runs the SDK's part of a LangChain4j callback: nothing it throws reaches LangChain4j or the
 * application (counted as {@code langchain4j.trace_failed}, logged once per kind). Internal.
 */
public final class Guard {

  private Guard() {}

  public static void run(String what, Runnable recording) {
    FrameworkCalls.guard("langchain4j", what, recording);
  }
}
