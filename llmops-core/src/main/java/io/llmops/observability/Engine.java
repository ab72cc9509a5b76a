package io.llmops.observability;

import io.llmops.observability.internal.common.EngineLocator;

/** Finds the engine behind the facades once, by name, so that this package never refers to it. */
final class Engine {

  private static final LlmopsEngine INSTANCE = EngineLocator.locate(LlmopsEngine.class);

  private Engine() {}

  static LlmopsEngine get() {
    return INSTANCE;
  }
}
