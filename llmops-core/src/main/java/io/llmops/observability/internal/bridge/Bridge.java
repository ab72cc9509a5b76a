package io.llmops.observability.internal.bridge;

import io.llmops.observability.internal.common.EngineLocator;

/**
 * Finds the engine's {@link CoreBridge} on first use. It is named, not imported: the engine
 * depends on the SPI, so the SPI must not depend on the engine (PackageCyclesTest). Both ship in
 * llmops-core, so the class is always there. Internal.
 */
public final class Bridge {

  private Bridge() {}

  /** The engine's bridge. */
  public static CoreBridge core() {
    return Holder.CORE;
  }

  private static final class Holder {
    static final CoreBridge CORE = EngineLocator.locate(CoreBridge.class);
  }
}
