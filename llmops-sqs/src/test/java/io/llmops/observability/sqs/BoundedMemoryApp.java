package io.llmops.observability.sqs;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.sqs.internal.SqsSink;
import io.llmops.observability.sqs.internal.SqsSinkOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The child process of {@link BoundedMemoryTest}: SQS unreachable, a small heap, and a flood of
 * finalized traces through the public API. Prints {@code key=value} lines: the caller's
 * {@code finalizeAndSend} latencies, the peak heap, and every counter. Arguments: spillover
 * directory, queue URL, trace count, immediate max block (ms), and optionally {@code sink} to
 * feed the sink directly instead (see {@link #floodTheSink}).
 */
public final class BoundedMemoryApp {

  private BoundedMemoryApp() {}

  public static void main(String[] args) {
    Path spillDir = Path.of(args[0]);
    String queueUrl = args[1];
    int traces = Integer.parseInt(args[2]);
    String maxBlockMs = args[3];
    LlmopsConfig config = SqsTesting.config(queueUrl, spillDir)
        .set("LLMOPS_SQS_IMMEDIATE_MAX_BLOCK_MS", maxBlockMs)
        .set("LLMOPS_SQS_RETRY_ATTEMPTS", "2")
        .set(SqsSettings.SPILLOVER_MAX_BYTES, Long.toString(16L << 20))
        .set(SqsSettings.REQUEST_TIMEOUT, "1")
        .set("LLMOPS_SQS_SHUTDOWN_TIMEOUT", "5")
        .build();
    if (args.length > 4 && args[4].equals("sink")) {
      floodTheSink(config, traces);
      return;
    }
    Llmops.configure(config);

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
    printHeap();
    LlmopsStats stats = Llmops.stats();
    stats.counters().forEach((name, value) -> System.out.println("counter." + name + "=" + value));
    System.out.println("done=true");
  }

  /**
   * The sink alone, fed as the core's export worker feeds it (64 messages per call), with
   * messages of about 2 KB: every one of them reaches the sink, so its pending queue, the
   * journal and the eviction at the cap all work at full load.
   */
  private static void floodTheSink(LlmopsConfig config, int messages) {
    SinkMetrics metrics = SinkMetrics.detached();
    SqsSink sink = SqsSink.start(SqsSinkOptions.from(config), metrics);
    Random random = new Random(1);
    byte[] noise = new byte[1_500];
    int calls = (messages + 63) / 64;
    long[] exportNanos = new long[calls];
    for (int c = 0; c < calls; c++) {
      List<TraceMessage> batch = new ArrayList<>(64);
      for (int i = c * 64; i < Math.min(messages, (c + 1) * 64); i++) {
        random.nextBytes(noise);
        String body = "{\"compressed\":true,\"data\":\"" + Base64.getEncoder().encodeToString(noise)
            + "\",\"trace_id\":\"trace-" + i + "\",\"type\":\"SDKTraceData\"}";
        batch.add(new TraceMessage("trace-" + i, "SDKTraceData", body, "key-" + i, new byte[0], 1));
      }
      long t0 = System.nanoTime();
      sink.export(batch);
      exportNanos[c] = System.nanoTime() - t0;
    }
    boolean shutdownOk = sink.shutdown(Duration.ofSeconds(10)).isSuccess();
    Arrays.sort(exportNanos);
    System.out.println("export_calls=" + calls);
    System.out.println("export_p50_us=" + exportNanos[calls / 2] / 1_000);
    System.out.println("export_p99_us=" + exportNanos[(int) (calls * 0.99)] / 1_000);
    System.out.println("export_max_us=" + exportNanos[calls - 1] / 1_000);
    System.out.println("shutdown_ok=" + shutdownOk);
    printHeap();
    for (String name : List.of(SqsSettings.COUNTER_SENT, SqsSettings.COUNTER_SPILLED, SqsSettings.COUNTER_EVICTED,
        SqsSettings.COUNTER_RETRIED, SqsSettings.DROPPED_SPILL_FAILED, SqsSettings.DROPPED_REJECTED)) {
      System.out.println("counter." + name + "=" + metrics.get(name));
    }
    System.out.println("done=true");
  }

  private static void printHeap() {
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("peak_heap_mb=" + peakHeap / (1 << 20));
    System.out.println("max_heap_mb=" + Runtime.getRuntime().maxMemory() / (1 << 20));
  }
}
