package io.llmops.benchmarks;

import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.agent.internal.StartupStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Agent start-up, in a fresh JVM: wall time of {@code LlmopsAgent.install()} (self-attach,
 * weaving set-up, retransformation of the classes already loaded, the JDK executors) and the heap
 * still held after it (used heap after a full GC, before and after). Run it in several fresh
 * JVMs: {@code java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.AgentStartup}.
 */
public final class AgentStartup {

  private AgentStartup() {}

  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long loadedBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    long started = System.nanoTime();
    boolean installed = LlmopsAgent.install();
    long wall = System.nanoTime() - started;
    long after = usedAfterGc(memory);
    long loadedAfter = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.printf("installed=%s install_ms=%.1f (weaving set-up %.1f ms) heap_delta_kib=%d "
            + "classes_loaded=%d jdk_classes_woven=%d java=%s%n",
        installed, wall / 1e6, StartupStats.installNanos() / 1e6, (after - before) / 1024,
        loadedAfter - loadedBefore, StartupStats.contextWovenClasses(),
        Runtime.version().feature());
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
