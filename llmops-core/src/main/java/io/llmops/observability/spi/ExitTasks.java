package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;

/**
 * Work of a module that must finish at JVM exit while the export pipeline still takes traces
 * (say, evaluations that record spans): the core's shutdown hook runs these tasks, in the order
 * they were added, before it shuts the pipeline down. Each task bounds its own duration; what
 * one throws is logged and the next one runs. Tasks belong to the JVM, not to a runtime: they
 * survive {@code Llmops.configure}.
 */
public final class ExitTasks {

  private ExitTasks() {}

  /**
   * Adds a task to run at JVM exit; add it once (say, from a static initializer).
   *
   * @throws IllegalArgumentException when {@code task} is null
   */
  public static void add(Runnable task) {
    if (task == null) {
      throw new IllegalArgumentException("task must not be null");
    }
    Bridge.core().addExitTask(task);
  }
}
