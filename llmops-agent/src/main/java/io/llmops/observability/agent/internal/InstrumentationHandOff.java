package io.llmops.observability.agent.internal;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Agent-Class} of the small jar {@link AttachListenerLoad} has this JVM load: the JVM
 * calls {@link #agentmain} with its instrumentation, which {@code AttachListenerLoad} then reads.
 * The JVM loads it through the system class loader, which may define a copy of its own (when the
 * agent's classes live in another loader), so it depends on nothing but the JDK and is read by
 * reflection. Internal.
 */
public final class InstrumentationHandOff {

  /** Set once by {@link #agentmain}. */
  public static volatile Instrumentation instrumentation;

  private InstrumentationHandOff() {}

  /** Called by the JVM when the jar is loaded as an agent. */
  public static void agentmain(String arguments, Instrumentation loaded) {
    instrumentation = loaded;
  }
}
