package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsStats;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.sqs.SqsSettings;
import io.llmops.observability.sqs.internal.SqsSink;
import io.llmops.observability.sqs.internal.SqsSinkOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * SQS delivery against an in-process ElasticMQ (not JMH: the quantities are throughputs of a
 * pipeline with background threads and latency distributions, measured once per run). Prints:
 * <ol>
 *   <li>compressed size as a share of the trace JSON for realistic 20-span traces;
 *   <li>throughput, in messages per second, of (a) the raw AWS SDK sending pre-built bodies with
 *       SendMessageBatch, 10 per request, 4 requests in flight; (b) the SQS sink fed the same
 *       pre-built messages; (c) end to end: 20-span traces built and finalized through the public
 *       API until SQS accepted them all. Rounds alternate, ratios are to (a) of the same round;
 *   <li>(a) and (c) again through a proxy holding each response {@code roundTripMs}, like a
 *       queue across a network;
 *   <li>the caller's time per {@code finalizeAndSend} while SQS is healthy, slow (a proxy that
 *       delays every response by {@code slowMs}) and down (a closed port).
 * </ol>
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.SqsBenchmark
 * [traces=2000] [rounds=3] [slowMs=300] [roundTripMs=20]}.
 */
public final class SqsBenchmark {

  private static final int WORKERS = 4;

  private SqsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int traces = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int slowMs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int roundTripMs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path work = Files.createTempDirectory("llmops-sqs-bench");
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    SqsAsyncClient client = client(port);
    try {
      System.out.printf("SqsBenchmark: %d traces per measurement, %d rounds, Java %s, %d cores%n",
          traces, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      List<TraceMessage> messages = prebuiltMessages(traces);
      compression(messages);

      // warm-up (JIT, connections, ElasticMQ), not counted
      List<TraceMessage> few = messages.subList(0, Math.min(500, messages.size()));
      rawSdk(client, createQueue(client, port, "warm-raw"), few);
      sinkFedPrebuilt(createQueue(client, port, "warm-sink"), few, work.resolve("warm-sink"));

      List<double[]> results = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        String q = "r" + round;
        String rawQueue = createQueue(client, port, q + "-raw");
        double raw = rawSdk(client, rawQueue, messages);
        deleteQueue(client, rawQueue);
        String sinkQueue = createQueue(client, port, q + "-sink");
        double sink = sinkFedPrebuilt(sinkQueue, messages, work.resolve(q + "-sink"));
        deleteQueue(client, sinkQueue);
        String endToEndQueue = createQueue(client, port, q + "-e2e");
        double endToEnd = endToEnd(endToEndQueue, traces, work.resolve(q + "-e2e"));
        deleteQueue(client, endToEndQueue);
        results.add(new double[] {raw, sink, endToEnd});
        System.out.printf("round %d: raw SDK %.0f msg/s; sink (pre-built) %.0f msg/s = %.2f of raw;"
            + " end to end %.0f traces/s = %.2f of raw%n", round + 1, raw, sink, sink / raw, endToEnd, endToEnd / raw);
      }
      System.out.printf("median of %d rounds: sink/raw %.2f, end-to-end/raw %.2f%n", rounds,
          median(results.stream().mapToDouble(r -> r[1] / r[0]).toArray()),
          median(results.stream().mapToDouble(r -> r[2] / r[0]).toArray()));

      withRoundTrip(client, port, roundTripMs, rounds, traces, messages, work);

      callerLatency("healthy", createQueue(client, port, "lat-healthy"), work.resolve("lat-healthy"), slowMs);
      try (SlowProxy proxy = new SlowProxy(port, slowMs)) {
        createQueue(client, port, "lat-slow");
        callerLatency("slow (+" + slowMs + " ms per response)",
            "http://127.0.0.1:" + proxy.port() + "/000000000000/lat-slow", work.resolve("lat-slow"), slowMs);
      }
      int closed;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = s.getLocalPort();
      }
      callerLatency("down (connection refused)", "http://127.0.0.1:" + closed + "/000000000000/lat-down",
          work.resolve("lat-down"), slowMs);
    } finally {
      client.close();
      server.stopAndWait();
    }
  }

  /**
   * Raw SDK and end to end again through a proxy that holds every response for
   * {@code roundTripMs}, as a queue across a network would: the senders then wait on the network
   * instead of competing with the encoder for the 2 cores.
   */
  static void withRoundTrip(SqsAsyncClient direct, int port, int roundTripMs, int rounds, int traces,
      List<TraceMessage> messages, Path work) throws Exception {
    List<Double> ratios = new ArrayList<>();
    try (SlowProxy proxy = new SlowProxy(port, roundTripMs); SqsAsyncClient viaProxy = client(proxy.port())) {
      for (int round = 0; round < rounds; round++) {
        String rawName = "rtt-raw-" + round;
        createQueue(direct, port, rawName);
        double raw = rawSdk(viaProxy, proxied(proxy, rawName), messages);
        deleteQueue(direct, proxied(proxy, rawName));
        String endToEndName = "rtt-e2e-" + round;
        createQueue(direct, port, endToEndName);
        double endToEnd = endToEnd(proxied(proxy, endToEndName), traces, work.resolve(endToEndName));
        deleteQueue(direct, proxied(proxy, endToEndName));
        ratios.add(endToEnd / raw);
        System.out.printf("round %d with +%d ms per response: raw SDK %.0f msg/s; end to end %.0f traces/s"
            + " = %.2f of raw%n", round + 1, roundTripMs, raw, endToEnd, endToEnd / raw);
      }
    }
    System.out.printf("median of %d rounds with +%d ms per response: end-to-end/raw %.2f%n", rounds, roundTripMs,
        median(ratios.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  private static String proxied(SlowProxy proxy, String queueName) {
    return "http://127.0.0.1:" + proxy.port() + "/000000000000/" + queueName;
  }

  // ---- the traces ----

  /** A 20-span agent trace through the public API, shaped like EncodeBenchmark's. */
  static void buildTrace(TraceContent random) {
    TraceManager.newTrace("chat_message").userId("user_" + random.nextInt(10_000))
        .sessionId("session_" + random.nextInt(100_000)).metadata("app_version", "1.14.2")
        .tags("support", "prod").start();
    try (Span agent = Llmops.agent("support_agent")
        .input("question", random.text(200)).start()) {
      for (int i = 1; i < 20; i++) {
        if (i % 3 == 1) {
          try (Span llm = Llmops.generation("llm_call").model("anthropic.claude-3-5-sonnet-20241022-v2:0")
              .input("temperature", 0.2).input("max_tokens", 1024).start()) {
            llm.setPrompt(random.text(400 + random.nextInt(400)));
            llm.setResponse(random.text(200 + random.nextInt(400)));
            llm.setUsage(300 + random.nextInt(1_500), 50 + random.nextInt(500));
            llm.setMetadata("region", "us-east-1");
            llm.setOutput(Map.of("stop_reason", "end_turn"));
          }
        } else {
          try (Span tool = Llmops.tool(i % 3 == 2 ? "search_orders" : "lookup_policy")
              .input("query", random.text(60)).input("limit", 10)
              .input("filters", Map.of("status", "shipped", "region", "EU")).start()) {
            tool.setOutput(List.of(
                Map.of("order_id", "ord_" + random.nextInt(1_000_000), "status", "shipped",
                    "summary", random.text(120)),
                Map.of("order_id", "ord_" + random.nextInt(1_000_000), "status", "pending",
                    "summary", random.text(120))));
          }
        }
      }
      agent.setOutput(random.text(300));
    }
    TraceManager.finalizeAndSend(Map.of("user_msg", random.text(200)),
        Map.of("bot_response", random.text(400)));
  }

  private static LlmopsConfig.Builder isolated() {
    return LlmopsConfig.builder().environmentVariables(Map.of()).systemProperties(new Properties())
        .dotEnvFile(null).projectId("bench").environment("production");
  }

  /** The messages the core encodes for {@code n} traces, captured by a sink that keeps them. */
  static List<TraceMessage> prebuiltMessages(int n) {
    List<TraceMessage> kept = new CopyOnWriteArrayList<>();
    TraceSink keeper = new TraceSink() {
      @Override
      public String name() {
        return "keep";
      }

      @Override
      public ExportResult export(List<TraceMessage> batch) {
        kept.addAll(batch);
        return ExportResult.success();
      }
    };
    List<TraceContent> contents = recordContents(n, new Random(42));
    Llmops.configure(isolated().set("LLMOPS_EXPORT_QUEUE_CAPACITY", Integer.toString(n + 10))
        .addSink(keeper).build());
    long start = System.nanoTime();
    for (TraceContent content : contents) {
      buildTrace(content);
    }
    double callerSeconds = (System.nanoTime() - start) / 1e9;
    Llmops.flush(Duration.ofMinutes(5));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("pipeline without SQS (a sink that keeps the messages): %.0f traces/s built, finalized"
        + " and encoded (the caller's loop alone: %.0f traces/s)%n", n / seconds, n / callerSeconds);
    Llmops.shutdown(Duration.ofSeconds(10));
    if (kept.size() != n) {
      throw new IllegalStateException("captured " + kept.size() + " of " + n + " messages");
    }
    return kept;
  }

  static void compression(List<TraceMessage> messages) {
    double[] gzipShare = new double[messages.size()];
    double[] bodyShare = new double[messages.size()];
    long json = 0;
    for (int i = 0; i < messages.size(); i++) {
      TraceMessage m = messages.get(i);
      int jsonBytes = m.traceJson().length;
      String data = m.body().replaceAll("(?s).*\"data\"\\s*:\\s*\"([^\"]*)\".*", "$1");
      int gzipBytes = java.util.Base64.getDecoder().decode(data).length;
      gzipShare[i] = (double) gzipBytes / jsonBytes;
      bodyShare[i] = (double) m.bodySize() / jsonBytes;
      json += jsonBytes;
    }
    System.out.printf("compression over %d traces: JSON mean %,d B; gzip/JSON median %.3f (min %.3f, max %.3f);"
            + " message body/JSON median %.3f%n", messages.size(), json / messages.size(),
        median(gzipShare), Arrays.stream(gzipShare).min().orElse(0), Arrays.stream(gzipShare).max().orElse(0),
        median(bodyShare));
  }

  // ---- throughput ----

  /** Messages per second: SendMessageBatch of 10 pre-built bodies (with the sink's two attributes), 4 in flight. */
  static double rawSdk(SqsAsyncClient client, String queueUrl, List<TraceMessage> messages) throws Exception {
    Semaphore inFlight = new Semaphore(WORKERS);
    List<CompletableFuture<SendMessageBatchResponse>> sends = new ArrayList<>();
    settle();
    long start = System.nanoTime();
    for (int i = 0; i < messages.size(); i += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
      for (int k = i; k < Math.min(i + 10, messages.size()); k++) {
        TraceMessage m = messages.get(k);
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(k - i)).messageBody(m.body())
            .messageAttributes(Map.of(
                "trace_id", MessageAttributeValue.builder().dataType("String").stringValue(m.traceId()).build(),
                "type", MessageAttributeValue.builder().dataType("String").stringValue(m.type()).build()))
            .build());
      }
      inFlight.acquire();
      sends.add(client.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))
          .whenComplete((r, e) -> inFlight.release()));
    }
    int failed = 0;
    for (CompletableFuture<SendMessageBatchResponse> send : sends) {
      failed += send.get().failed().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failed > 0) {
      throw new IllegalStateException(failed + " raw sends failed");
    }
    System.out.printf("  raw SDK: %.0f us of process CPU per message%n", cpuMicrosPer(messages.size()));
    return messages.size() / seconds;
  }

  private static LlmopsConfig sqsConfig(String queueUrl, Path spillDir, int capacity) {
    return sqsConfig(queueUrl, spillDir, capacity, Map.of());
  }

  private static LlmopsConfig sqsConfig(String queueUrl, Path spillDir, int capacity, Map<String, String> settings) {
    LlmopsConfig.Builder builder = isolated().set(SqsSettings.QUEUE_URL, queueUrl).sinks("sqs")
        .set("LLMOPS_EXPORT_QUEUE_CAPACITY", Integer.toString(capacity))
        .set(SqsSettings.SPILLOVER_DIR, spillDir.toString());
    settings.forEach(builder::set);
    return builder.build();
  }

  /** Messages per second: the sink's export() fed the pre-built messages, until SQS accepted all. */
  static double sinkFedPrebuilt(String queueUrl, List<TraceMessage> messages, Path spillDir) {
    return sinkFedPrebuilt(queueUrl, messages, spillDir, "sink (pre-built)", Map.of()).messagesPerSecond();
  }

  /**
   * What one run of the sink fed pre-built messages measured: messages per second until SQS took
   * them all, process CPU per message, and the time per message spent inside export() (on the
   * caller, the core's export worker).
   */
  record SinkRun(double messagesPerSecond, double cpuMicrosPerMessage, double exportMicrosPerMessage) {}

  /** {@link #sinkFedPrebuilt(String, List, Path)} with further settings of the sink. */
  static SinkRun sinkFedPrebuilt(String queueUrl, List<TraceMessage> messages, Path spillDir, String label,
      Map<String, String> settings) {
    SinkMetrics metrics = SinkMetrics.detached();
    SqsSink sink = SqsSink.start(SqsSinkOptions.from(sqsConfig(queueUrl, spillDir, 2048, settings)), metrics);
    try {
      settle();
      long inExport = 0;
      long start = System.nanoTime();
      for (int i = 0; i < messages.size(); i += 64) { // the core's export worker hands over up to 64
        long t0 = System.nanoTime();
        sink.export(messages.subList(i, Math.min(i + 64, messages.size())));
        inExport += System.nanoTime() - t0;
      }
      if (!sink.flush(Duration.ofMinutes(5)).isSuccess()) {
        throw new IllegalStateException("sink flush failed");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      requireAllSent(metrics.get(SqsSettings.COUNTER_SENT), messages.size(), metrics.get(SqsSettings.COUNTER_SPILLED));
      SinkRun run = new SinkRun(messages.size() / seconds, cpuMicrosPer(messages.size()),
          inExport / 1e3 / messages.size());
      System.out.printf("  %s: %.0f us of process CPU per message, %.1f us per message in export(),"
              + " %.1f messages per request%n", label, run.cpuMicrosPerMessage(), run.exportMicrosPerMessage(),
          (double) messages.size() / metrics.get(SqsSettings.COUNTER_REQUESTS));
      return run;
    } finally {
      sink.shutdown(Duration.ofSeconds(10));
    }
  }

  /** Traces per second: built, finalized, encoded and sent, from the first finalize to the last acceptance. */
  static double endToEnd(String queueUrl, int traces, Path spillDir) {
    List<TraceContent> contents = recordContents(traces, new Random(7));
    Llmops.configure(sqsConfig(queueUrl, spillDir, traces + 10));
    try {
      settle();
      long workerCpuAtStart = exportWorkerCpuNanos();
      long start = System.nanoTime();
      for (TraceContent content : contents) {
        buildTrace(content);
      }
      Llmops.flush(Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - start) / 1e9;
      LlmopsStats stats = Llmops.stats();
      requireAllSent(stats.get(SqsSettings.COUNTER_SENT), traces, stats.get(SqsSettings.COUNTER_SPILLED));
      System.out.printf("  end to end: %.0f us of process CPU per message (%.0f us on the export worker),"
          + " %.1f messages per request%n", cpuMicrosPer(traces),
          (exportWorkerCpuNanos() - workerCpuAtStart) / 1e3 / traces,
          (double) traces / stats.get(SqsSettings.COUNTER_REQUESTS));
      return traces / seconds;
    } finally {
      Llmops.shutdown(Duration.ofSeconds(10));
    }
  }

  /** The random content of {@code traces} traces, drawn with tracing off, for replay when timed. */
  private static List<TraceContent> recordContents(int traces, Random random) {
    Llmops.configure(isolated().enabled(false).build());
    List<TraceContent> contents = new ArrayList<>(traces);
    for (int i = 0; i < traces; i++) {
      List<Object> tape = new ArrayList<>();
      buildTrace(TraceContent.recording(random, tape));
      contents.add(TraceContent.replay(tape));
    }
    return contents;
  }

  /**
   * Collects the garbage of the set-up (pre-built messages, recorded trace content) before a
   * timed section, so that no measurement pays for copying what the one before it left.
   */
  private static void settle() {
    System.gc();
    LockSupport.parkNanos(100_000_000L);
    cpuAtStart = PROCESS.getProcessCpuTime();
  }

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private static long cpuAtStart;

  /** CPU time of the core's export worker thread (building the JSON, gzip, base64, wrapper). */
  private static long exportWorkerCpuNanos() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().equals("llmops-export")) {
        return threads.getThreadCpuTime(info.getThreadId());
      }
    }
    return 0;
  }

  /** CPU time of the whole process (both cores: SDK, ElasticMQ, GC) per message since {@link #settle}. */
  private static double cpuMicrosPer(int messages) {
    return (PROCESS.getProcessCpuTime() - cpuAtStart) / 1e3 / messages;
  }

  private static void requireAllSent(long sent, int expected, long spilled) {
    if (sent != expected) {
      throw new IllegalStateException("sent " + sent + " of " + expected + " (spilled " + spilled + ")");
    }
  }

  // ---- caller latency ----

  /**
   * 3,000 traces at about 500 per second (a busy service, not a flood: the export queue never
   * fills); the time of each finalizeAndSend call, the first 500 not counted.
   */
  static void callerLatency(String label, String queueUrl, Path spillDir, int slowMs) {
    Llmops.configure(isolated().set(SqsSettings.QUEUE_URL, queueUrl).sinks("sqs")
        .set(SqsSettings.SPILLOVER_DIR, spillDir.toString())
        .set("LLMOPS_SQS_RETRY_ATTEMPTS", "1")
        .set(SqsSettings.REQUEST_TIMEOUT, Double.toString(Math.max(1, 3.0 * slowMs / 1000)))
        .build());
    int total = 3_000;
    int warmup = 500;
    long[] nanos = new long[total - warmup];
    TraceContent random = TraceContent.live(new Random(11));
    try {
      long next = System.nanoTime();
      for (int i = 0; i < total; i++) {
        buildTraceWithoutFinalize(random);
        long t0 = System.nanoTime();
        TraceManager.finalizeAndSend(Map.of("user_msg", "q" + i), Map.of("bot_response", "a" + i));
        long took = System.nanoTime() - t0;
        if (i >= warmup) {
          nanos[i - warmup] = took;
        }
        next += 2_000_000L;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      Arrays.sort(nanos);
      LlmopsStats stats = Llmops.stats();
      System.out.printf("finalizeAndSend, SQS %s: p50 %.1f us, p99 %.1f us, max %.1f us"
              + " (sqs.sent %d, sqs.spilled %d, dropped %d, at the end of the loop)%n", label,
          nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3, nanos[nanos.length - 1] / 1e3,
          stats.get(SqsSettings.COUNTER_SENT), stats.get(SqsSettings.COUNTER_SPILLED), stats.dropped());
    } finally {
      Llmops.shutdown(Duration.ofSeconds(5));
    }
  }

  /** The same 20-span shape as {@link #buildTrace}, left open for the caller to finalize. */
  private static void buildTraceWithoutFinalize(TraceContent random) {
    TraceManager.startTrace("chat_message");
    try (Span agent = Llmops.agent("support_agent").input("question", "refunds").start()) {
      for (int i = 1; i < 20; i++) {
        try (Span child = (i % 3 == 1 ? Llmops.generation("llm_call") : Llmops.tool("search_orders"))
            .input("query", random.text(60)).start()) {
          child.setOutput(random.text(200));
        }
      }
    }
  }

  // ---- infrastructure ----

  static SqsAsyncClient client(int port) {
    return SqsAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  static String createQueue(SqsAsyncClient client, int port, String name) {
    client.createQueue(b -> b.queueName(name)).join();
    return "http://127.0.0.1:" + port + "/000000000000/" + name;
  }

  /** Frees what ElasticMQ holds, so the heap (and GC work) does not grow from measurement to measurement. */
  static void deleteQueue(SqsAsyncClient client, String queueUrl) {
    client.deleteQueue(b -> b.queueUrl(queueUrl)).join();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A TCP proxy that holds every chunk the server sends back (at least one per response) for {@code delayMs}. */
  static final class SlowProxy implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    SlowProxy(int targetPort, int delayMs) throws IOException {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            Socket client = listener.accept();
            Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            sockets.add(client);
            sockets.add(server);
            pump(client, server, 0);
            pump(server, client, delayMs);
          }
        } catch (IOException closed) {
          // the proxy is closed
        }
      }, "slow-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private static void pump(Socket from, Socket to, int delayMs) {
      Thread t = new Thread(() -> {
        byte[] buffer = new byte[65_536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          int n;
          while ((n = in.read(buffer)) >= 0) {
            if (delayMs > 0) {
              LockSupport.parkNanos(delayMs * 1_000_000L);
            }
            out.write(buffer, 0, n);
            out.flush();
          }
        } catch (IOException closed) {
          // either side closed
        }
      }, "slow-proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      listener.close();
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}
