package io.llmops.observability.agent.internal;

import org.objectweb.asm.Type;
import org.jspecify.annotations.Nullable;

/**
 * Makes the runtime of an application that has an {@code llmops-core} of its own (a WAR's, a
 * child-first loader's) as soon as that core starts, rather than on the first call of one of
 * its woven methods: its context hook is then in the context bridge before its first task is
 * handed to an executor, so an application that traces through the programmatic API only gets
 * its context carried across threads too. Woven: the end of the static initialiser of the core's
 * {@code Engine}, which every use of the core's API initialises first. The agent's own
 * core is left as it is: its context is plugged in at install. Internal.
 */
final class CoreStartWeaving implements ClassWeaving {

  /** By name: the core's package-private class, which the agent cannot link against. */
  private static final String ENGINE = "io/llmops/observability/Engine";
  private static final ClassLoader AGENT = CoreStartWeaving.class.getClassLoader();

  private static final InlineAdvice CORE_STARTED = InlineAdvice.atReturn(site -> {
    site.loadConstant(Type.getObjectType(site.owner));
    site.invokeStatic(AdviceRoutes.DISPATCH, "coreStarted", "(Ljava/lang/Class;)V");
  }, false, false);

  @Override
  public boolean wants(String internalName, byte[] classFile) {
    return internalName.equals(ENGINE);
  }

  /** A core started before the agent has no hook until its first woven call. */
  @Override
  public boolean candidate(Class<?> loaded) {
    return false;
  }

  @Override
  public @Nullable Advisor advisor(String owner, int access, @Nullable ClassLoader loader) {
    return loader == AGENT || loader == null ? null
        : (type, method) -> method.name.equals("<clinit>") ? CORE_STARTED : null;
  }

  @Override
  public void woven() {}

  @Override
  public String logKey() {
    return "agent-core-start-";
  }

  @Override
  public String consequence() {
    return "the trace context of its application follows work to other threads only after its"
        + " first traced method";
  }
}
