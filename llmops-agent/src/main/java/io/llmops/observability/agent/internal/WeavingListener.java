package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Counts the classes one of the agent's weavings changed, and logs (once per class) those it
 * could not change: the application keeps running with that class unwoven. Internal.
 */
final class WeavingListener extends AgentBuilder.Listener.Adapter {

  private final String key;
  private final String consequence;
  private final Runnable woven;

  /**
   * @param key prefix of the log key, one per weaving
   * @param consequence what the application loses when a class cannot be woven
   * @param woven called for each class woven
   */
  WeavingListener(String key, String consequence, Runnable woven) {
    this.key = key;
    this.consequence = consequence;
    this.woven = woven;
  }

  /** ByteBuddy's own weaving errors on standard error with {@code -Dllmops.agent.debug=true}. */
  static AgentBuilder.Listener debug() {
    return Boolean.getBoolean("llmops.agent.debug")
        ? AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly()
        : AgentBuilder.Listener.NoOp.INSTANCE;
  }

  @Override
  public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
      Throwable throwable) {
    SdkLog.errorOnce(key + typeName,
        "llmops-agent: could not weave " + typeName + "; " + consequence, throwable);
  }

  @Override
  public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
      boolean loaded, DynamicType dynamicType) {
    woven.run();
  }
}
