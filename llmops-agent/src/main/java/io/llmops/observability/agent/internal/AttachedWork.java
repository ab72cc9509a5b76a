package io.llmops.observability.agent.internal;

import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * What {@code LlmopsAgent.install()} does as soon as the JVM hands over its instrumentation,
 * before the weavings are registered, shared by its two threads: the attach thread defines the
 * bridges in {@code java.base}, then both look at the classes already loaded (reading the
 * application's class files is most of the start-up), the calling thread as soon as it has
 * prepared the weavings. Internal.
 */
public final class AttachedWork {

  private final Weavings weavings;
  private volatile AgentInstaller.@Nullable Attached bridges;
  private LoadedClasses.@Nullable Look look;

  public AttachedWork(Weavings weavings) {
    this.weavings = weavings;
  }

  /** The attach thread's part, once attached. */
  public void onAttachThread(Instrumentation instrumentation) {
    bridges = AgentInstaller.bridges(instrumentation, weavings);
    look(instrumentation).help();
  }

  /** The calling thread's part, once attached: its share of the look. */
  public void help(Instrumentation instrumentation) {
    look(instrumentation).help();
  }

  /**
   * What was done, once the attach thread ended (so its part is complete or failed); null when
   * the bridges were not defined, and then the installation does it all.
   */
  public AgentInstaller.@Nullable Attached done() {
    AgentInstaller.Attached defined = bridges;
    LoadedClasses.Look started = started();
    if (defined == null || started == null) {
      return defined;
    }
    return defined.withScan(started.await());
  }

  private synchronized LoadedClasses.@Nullable Look started() {
    return look;
  }

  private synchronized LoadedClasses.Look look(Instrumentation instrumentation) {
    if (look == null) {
      look = AgentInstaller.look(instrumentation, weavings);
    }
    return look;
  }
}
