package io.llmops.benchmarks;

import io.llmops.observability.agent.LlmopsAgent;
import io.llmops.observability.agent.internal.SelfAttach;
import io.llmops.observability.agent.internal.StartupStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Agent start-up, in a fresh JVM: wall time of {@code LlmopsAgent.install()} (self-attach, with
 * the preparation of the weavings meanwhile; then the weaving set-up: registering them,
 * retransforming the classes already loaded, the JDK executors), the CPU
 * time of the thread that calls it (less sensitive to a loaded machine than wall time) and the heap
 * still held after it (used heap after a full GC, before and after). Run it in several fresh
 * JVMs: {@code java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.AgentStartup [n]}.
 * With {@code n}, the JVM first loads (without initialising) {@code n} classes of the jar, as an
 * application that has started before it calls {@code install()}: the SDK's own modules (which
 * the agent reads, as it reads an application's classes), then the AWS SDK, Apache Commons and
 * Netty (which it skips by name).
 */
public final class AgentStartup {

  private AgentStartup() {}

  /** Where the classes loaded before {@code install()} come from. */
  private static final List<String> APPLICATION_PACKAGES = List.of("io/llmops/observability/",
      "software/amazon/awssdk/", "org/apache/commons/", "io/netty/");

  public static void main(String[] args) throws IOException, URISyntaxException {
    int applicationClasses = loadApplicationClasses(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long loadedBefore = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(
        com.sun.management.OperatingSystemMXBean.class);
    long processCpuStarted = system.getProcessCpuTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    boolean installed = LlmopsAgent.install();
    long wall = System.nanoTime() - started;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
    long processCpu = system.getProcessCpuTime() - processCpuStarted;
    long after = usedAfterGc(memory);
    long loadedAfter = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.printf("installed=%s install_ms=%.1f (preparation %.1f ms, weaving set-up %.1f ms,"
            + " cpu of the calling thread %.1f ms, of the process %.1f ms; attach %.1f ms through %s) heap_delta_kib=%d "
            + "classes_loaded=%d jdk_classes_woven=%d application_classes_before=%d "
            + "classes_before=%d java=%s%n",
        installed, wall / 1e6, StartupStats.prepareNanos() / 1e6,
        StartupStats.installNanos() / 1e6, cpu / 1e6, processCpu / 1e6, SelfAttach.attachNanos() / 1e6,
        SelfAttach.way(),
        (after - before) / 1024,
        loadedAfter - loadedBefore, StartupStats.contextWovenClasses(), applicationClasses,
        loadedBefore, Runtime.version().feature());
  }

  /** Loads up to {@code count} classes of {@link #APPLICATION_PACKAGES}; returns how many. */
  private static int loadApplicationClasses(int count) throws IOException, URISyntaxException {
    if (count == 0) {
      return 0;
    }
    Path jar = Path.of(
        AgentStartup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ClassLoader loader = AgentStartup.class.getClassLoader();
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String prefix : APPLICATION_PACKAGES) {
        file.stream().map(JarEntry::getName)
            .filter(name -> name.startsWith(prefix) && name.endsWith(".class")
                && !name.contains("-") && !name.startsWith("io/llmops/observability/agent/"))
            .forEach(names::add);
      }
    }
    int loaded = 0;
    for (Iterator<String> it = names.iterator(); it.hasNext() && loaded < count; ) {
      String name = it.next();
      try {
        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError e) {
        // an optional dependency of that library is missing: not part of this application
      }
    }
    return loaded;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
