package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the first traced call costs the thread that makes it, in a fresh JVM: the call of
 * {@link FirstTracedCall} (file sink, or {@code sqs} as the argument), its wall and CPU time on
 * this thread, printed. The classes this thread loads during the call are the lines of its
 * thread id between the two marker classes in
 * {@code -Xlog:class+load:file=cl.txt:uptime,tid} (docs/PERFORMANCE.md, "The first traced call").
 */
public final class FirstTracedCallCaller {

  /** Loaded just before the call. */
  static final class BeforeCall {}

  /** Loaded just after the call. */
  static final class AfterCall {}

  private FirstTracedCallCaller() {}

  public static void main(String[] args) throws IOException {
    String sink = args.length > 0 ? args[0] : "file";
    Path dir = Files.createTempDirectory("llmops-first-call");
    System.setProperty("LLMOPS_FILE_SINK_DIR", dir.resolve("traces").toString());
    System.setProperty("LLMOPS_SPILLOVER_DIR", dir.resolve("spillover").toString());
    if (sink.equals("sqs")) {
      System.setProperty("AWS_SQS_URL", "http://127.0.0.1:9/000000000000/first-call");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    new BeforeCall();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    TraceManager.startTrace("first_request");
    try (Span span = Llmops.span("handle").start()) {
      span.setOutput("ok");
    }
    TraceManager.finalizeAndSend(Map.of("user_msg", "hello"), Map.of("bot_response", "hi"));
    wall = System.nanoTime() - wall;
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    new AfterCall();
    System.out.printf("%s wall_ms %.1f caller_cpu_ms %.1f%n", sink, wall / 1e6, cpu / 1e6);
    Llmops.shutdown(Duration.ofSeconds(10));
  }
}
