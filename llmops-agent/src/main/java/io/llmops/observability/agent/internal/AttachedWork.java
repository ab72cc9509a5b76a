package io.llmops.observability.agent.internal;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * What {@code LlmopsAgent.install()} does as soon as the JVM hands over its instrumentation,
 * before the weavings are registered, shared by its two threads: the attach thread defines the
 * bridges in {@code java.base} (once the calling thread has built the weavings), then both look
 * at the classes already loaded (reading the application's class files is most of the start-up),
 * the calling thread as soon as it has prepared the weavings. Internal.
 */
public final class AttachedWork {

  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile @Nullable Weavings weavings;
  private volatile AgentInstaller.@Nullable Attached bridges;
  private LoadedClasses.@Nullable Look look;

  /**
   * The calling thread built the weavings, so the bridges they need can be defined; null when
   * building them failed, and then the attach thread's part ends.
   */
  public void decided(@Nullable Weavings built) {
    weavings = built;
    decided.countDown();
  }

  /** The attach thread's part, once attached. */
  public void onAttachThread(Instrumentation instrumentation) {
    Uninterruptibly.await(decided);
    Weavings built = weavings;
    if (built == null) {
      return;
    }
    bridges = AgentInstaller.bridges(instrumentation, built);
    look(instrumentation).help();
  }

  /** The calling thread's part, once attached and the weavings decided: its share of the look. */
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
