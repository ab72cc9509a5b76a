package io.llmops.observability;

/** Finds the engine behind the facades once, by name, so that this package never refers to it. */
final class Engine {

  private static final String IMPLEMENTATION =
      "io.llmops.observability.internal.engine.EngineBridge";

  private static final LlmopsEngine INSTANCE = load();

  private Engine() {}

  static LlmopsEngine get() {
    return INSTANCE;
  }

  private static LlmopsEngine load() {
    try {
      return (LlmopsEngine) Class.forName(IMPLEMENTATION, true, Engine.class.getClassLoader())
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("llmops-core is incomplete: " + IMPLEMENTATION, e);
    }
  }
}
