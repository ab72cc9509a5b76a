package io.llmops.observability.sqs;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The child process of {@link BoundedMemoryTest}: SQS unreachable, a small heap, and a flood of
 * finalized traces through the public API. Prints {@code key=value} lines: the caller's
 * {@code finalizeAndSend} latencies, the peak heap, and every counter. Arguments: spillover
 * directory, queue URL, trace count, immediate max block (ms).
 */
public final class BoundedMemoryApp {

  private BoundedMemoryApp() {}

  public static void main(String[] args) {
    Path spillDir = Path.of(args[0]);
    String queueUrl = args[1];
    int traces = Integer.parseInt(args[2]);
    String maxBlockMs = args[3];
    Llmops.configure(SqsTesting.config(queueUrl, spillDir)
        .set("LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS", maxBlockMs)
        .set("LLMOPS_SQS_RETRY_ATTEMPTS", "2")
        .set(SqsSettings.SPILLOVER_MAX_BYTES, Long.toString(16L << 20))
        .set(SqsSettings.REQUEST_TIMEOUT, "1")
        .set("LLMOPS_SQS_SHUTDOWN_TIMEOUT", "5")
        .build());

    String prompt = "Summarise the refund policy for orders shipped outside the EU. ".repeat(16);
    long[] finalizeNanos = new long[traces];
    long start = System.nanoTime();
    for (int i = 0; i < traces; i++) {
      TraceManager.startTrace("flood_" + i);
      try (Span retrieval = Llmops.span("retrieve").input("query", "refunds " + i).start()) {
        retrieval.setOutput("3 documents");
      }
      try (Span generation = Llmops.generation("call_llm").model("anthropic.claude-3-haiku").start()) {
        generation.setPrompt(prompt + i);
        generation.setResponse("Orders shipped outside the EU can be refunded within 30 days. " + i);
      }
      long t0 = System.nanoTime();
      TraceManager.finalizeAndSend(Map.of("user_msg", "question " + i), Map.of("bot_response", "answer " + i));
      finalizeNanos[i] = System.nanoTime() - t0;
    }
    long loopMillis = (System.nanoTime() - start) / 1_000_000;
    boolean shutdownOk = Llmops.shutdown(Duration.ofSeconds(30));

    Arrays.sort(finalizeNanos);
    System.out.println("loop_ms=" + loopMillis);
    System.out.println("finalize_p50_us=" + finalizeNanos[traces / 2] / 1_000);
    System.out.println("finalize_p99_us=" + finalizeNanos[(int) (traces * 0.99)] / 1_000);
    System.out.println("finalize_max_us=" + finalizeNanos[traces - 1] / 1_000);
    System.out.println("shutdown_ok=" + shutdownOk);
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("peak_heap_mb=" + peakHeap / (1 << 20));
    System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    LlmopsStats stats = Llmops.stats();
    stats.counters().forEach((name, value) -> System.out.println("counter." + name + "=" + value));
    System.out.println("done=true");
  }
}
