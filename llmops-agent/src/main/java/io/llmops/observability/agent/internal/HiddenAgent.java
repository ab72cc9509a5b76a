package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.LlmopsAgent;
import java.lang.reflect.InvocationTargetException;

/**
 * The agent started through its own class loader ({@link AgentLoader}) when the loader of the
 * agent jar has no {@code llmops-core}: {@code LlmopsAgent}'s entry points call the same entry
 * point of the copy of {@code LlmopsAgent} defined there, which links against the agent's stored
 * core. With a core beside the agent (a flat class path) nothing here is used.
 *
 * <p>Depends on the JDK only: it runs where the core is missing. Internal.
 */
public final class HiddenAgent {

  /** By its class file: a look-up that loads nothing. */
  private static final boolean NEEDED = LlmopsAgent.class.getClassLoader()
      .getResource("io/llmops/observability/Llmops.class") == null;

  private HiddenAgent() {}

  /** Whether the agent has to start through its own loader: no core beside it. */
  public static boolean needed() {
    return NEEDED;
  }

  /**
   * Calls the static method {@code name} of the copy of {@code LlmopsAgent} in the agent's
   * loader, and answers its result; what it throws is thrown as it is.
   */
  public static Object call(String name, Class<?>[] types, Object... arguments) throws Throwable {
    try {
      return Holder.AGENT.getMethod(name, types).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Logs a start that failed; the application runs unchanged, untraced. */
  public static void failed(Throwable failure) {
    try {
      System.getLogger("io.llmops.observability").log(System.Logger.Level.ERROR,
          "llmops-agent: could not start; the application runs unchanged and untraced",
          failure);
    } catch (Throwable ignored) { // nothing else may reach the application
    }
  }

  /** Made on first use only: a flat class path never defines the agent's loader. */
  private static final class Holder {
    static final Class<?> AGENT = load();

    private static Class<?> load() {
      try {
        return Class.forName(LlmopsAgent.class.getName(), true,
            new AgentLoader(LlmopsAgent.class.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the agent jar has no copy of its classes", e);
      }
    }
  }
}
