package io.llmops.observability.internal.engine;

import io.llmops.observability.spi.SdkLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Work of other modules that must finish at JVM exit while the export pipeline still takes
 * traces (say, evaluations that record spans): the core's shutdown hook runs these tasks, in the
 * order they were added, before it shuts the pipeline down. Each task bounds its own duration;
 * what one throws is logged and the next one runs. Internal.
 */
final class ExitTaskList {

  private static final List<Runnable> TASKS = new CopyOnWriteArrayList<>();

  private ExitTaskList() {}

  /** Adds a task to run at JVM exit; add it once (say, from a static initializer). */
  static void add(Runnable task) {
    TASKS.add(task);
  }

  static void runAll() {
    for (Runnable task : TASKS) {
      try {
        task.run();
      } catch (RuntimeException e) {
        SdkLog.error("llmops: a task run at JVM exit failed", e);
      }
    }
  }
}
