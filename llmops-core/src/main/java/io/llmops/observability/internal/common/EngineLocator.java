package io.llmops.observability.internal.common;

/**
 * Finds the engine by class name, for the packages that may not refer to it (the public API
 * and the SPI, which the engine itself builds on: PackageCyclesTest). The engine ships in
 * llmops-core with them, so the class is always there. Internal.
 */
public final class EngineLocator {

  private static final String ENGINE = "io.llmops.observability.internal.engine.EngineBridge";

  private EngineLocator() {}

  /** A new instance of the engine's side of {@code door}, an interface the engine implements. */
  public static <T> T locate(Class<T> door) {
    try {
      return door.cast(Class.forName(ENGINE, true, EngineLocator.class.getClassLoader())
          .getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("llmops-core is incomplete: " + ENGINE, e);
    }
  }
}
