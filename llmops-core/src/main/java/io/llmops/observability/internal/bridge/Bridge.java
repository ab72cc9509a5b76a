package io.llmops.observability.internal.bridge;

/**
 * Finds the engine's {@link CoreBridge} on first use. It is named, not imported: the engine
 * depends on the SPI, so the SPI must not depend on the engine (PackageCyclesTest). Both ship in
 * llmops-core, so the class is always there. Internal.
 */
public final class Bridge {

  private static final String ENGINE_BRIDGE = "io.llmops.observability.internal.engine.EngineBridge";

  private Bridge() {}

  /** The engine's bridge. */
  public static CoreBridge core() {
    return Holder.CORE;
  }

  private static final class Holder {
    static final CoreBridge CORE = load();

    private static CoreBridge load() {
      try {
        return (CoreBridge) Class.forName(ENGINE_BRIDGE, true, Bridge.class.getClassLoader())
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("llmops-core is incomplete: " + ENGINE_BRIDGE, e);
      }
    }
  }
}
