package io.llmops.observability.agent;

import io.llmops.observability.agent.internal.AgentInstaller;
import io.llmops.observability.agent.internal.AttachedWork;
import io.llmops.observability.agent.internal.HiddenAgent;
import io.llmops.observability.agent.internal.SelfAttach;
import io.llmops.observability.agent.internal.Weavings;
import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code @TrackFunction}, {@code @TrackLlmCall}, {@code @TrackLlmAgent} and
 * {@code @TrackLlmTool} take effect. Two ways to start it, with the same result:
 *
 * <pre>{@code
 * java -javaagent:llmops-agent.jar -jar app.jar        // before main
 *
 * public static void main(String[] args) {
 *   LlmopsAgent.install();                             // first line of main
 *   ...
 * }
 * }</pre>
 *
 * <p>Classes loaded before {@link #install()} are retransformed. Starting twice (for example
 * {@code -javaagent} and {@code install()}) is harmless: the second start does nothing.
 *
 * <p>No method throws: an agent that cannot start logs why, and the annotations have no effect.
 * Thread-safe: concurrent starts start the agent once.
 */
public final class LlmopsAgent {

  private LlmopsAgent() {}

  /**
   * Entry point of {@code -javaagent:llmops-agent.jar}.
   *
   * @param arguments the text after {@code =} in {@code -javaagent}, null when there is none
   *     (not used)
   */
  public static void premain(@Nullable String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, "premain");
  }

  /**
   * Entry point when the agent is attached to a running JVM.
   *
   * @param arguments the agent's options, null when there are none (not used)
   */
  public static void agentmain(@Nullable String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, "agentmain");
  }

  /**
   * Installs with the core this class sees, or through the agent's own copy when there is none
   * ({@link HiddenAgent}). Catches everything: a throwing {@code premain} aborts the JVM.
   */
  private static void start(@Nullable String arguments, Instrumentation instrumentation,
      String entryPoint) {
    try {
      if (HiddenAgent.needed()) {
        HiddenAgent.call(entryPoint, new Class<?>[] {String.class, Instrumentation.class},
            arguments, instrumentation);
      } else {
        AgentInstaller.install(instrumentation);
      }
    } catch (Throwable e) { // the application must start, traced or not
      HiddenAgent.failed(e);
    }
  }

  /**
   * Attaches the agent to this JVM (self-attach) unless it is already running. Returns true when
   * the agent is active afterwards; false (with the reason in the log) when this JVM cannot
   * attach, in which case the annotations have no effect and the application runs unchanged.
   *
   * <p>It returns once everything is woven, the classes loaded before it included. The attach
   * runs on a thread of its own while the calling thread builds the weavings; the calling
   * thread's interrupt status is left as it was.
   *
   * <p>On JDK 21 and later start the JVM with {@code -XX:+EnableDynamicAgentLoading}: without it
   * the JVM prints a warning for an agent loaded at run time (JEP 451), or use
   * {@code -javaagent}. The agent itself prints no JVM warning.
   */
  public static synchronized boolean install() {
    try {
      if (HiddenAgent.needed()) {
        return (Boolean) HiddenAgent.call("install", new Class<?>[0]);
      }
    } catch (Throwable e) {
      HiddenAgent.failed(e);
      return false;
    }
    if (AgentInstaller.isInstalled()) {
      return true;
    }
    // The attach (mostly waiting for the JVM) starts first; meanwhile this thread builds and
    // prepares the weavings. The attach thread then defines the bridges and looks at the classes
    // already loaded; this thread shares that look once the weavings are prepared.
    AttachedWork work = new AttachedWork();
    SelfAttach attach = SelfAttach.start(work::onAttachThread);
    Weavings weavings = null;
    try {
      weavings = AgentInstaller.weavings();
    } finally {
      work.decided(weavings); // null when building them failed: the attach thread then stops
    }
    AgentInstaller.prepare(weavings);
    Instrumentation instrumentation;
    try {
      instrumentation = attach.awaitAttached();
    } catch (RuntimeException | LinkageError e) {
      System.getLogger("io.llmops.observability").log(System.Logger.Level.ERROR,
          "llmops-agent: could not attach to this JVM; annotations are not woven. "
              + "Start with -javaagent:llmops-agent.jar instead", e);
      return false;
    }
    work.help(instrumentation);
    attach.await(); // the attach thread's part done too
    return AgentInstaller.install(instrumentation, weavings, work.done());
  }

  /** Whether the agent is active in this JVM. */
  public static boolean isInstalled() {
    try {
      return HiddenAgent.needed() ? (Boolean) HiddenAgent.call("isInstalled", new Class<?>[0])
          : AgentInstaller.isInstalled();
    } catch (Throwable e) {
      HiddenAgent.failed(e);
      return false;
    }
  }
}
