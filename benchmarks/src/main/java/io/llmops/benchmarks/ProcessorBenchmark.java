package io.llmops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Span;
import io.llmops.observability.SpanType;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.otlp.OtlpTraceConverter;
import io.llmops.observability.processor.BatchDecoder;
import io.llmops.observability.processor.DecodeLimits;
import io.llmops.observability.processor.DecodedTrace;
import io.llmops.observability.processor.IncomingMessage;
import io.llmops.observability.processor.LocalFolderStore;
import io.llmops.observability.processor.MergeResult;
import io.llmops.observability.processor.MergeWindows;
import io.llmops.observability.processor.MessageDecoder;
import io.llmops.observability.processor.ObjectStoreDeadLetters;
import io.llmops.observability.processor.TraceMerger;
import io.llmops.observability.processor.TraceProcessor;
import io.llmops.observability.processor.sink.ProcessorSinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The processor's throughput, one thread, in traces per second: the demo's shape (a trace of 18
 * spans whose external call reached a traced service, that service's 2-span child segment), two
 * messages per trace, recorded once by the real SDK before timing. Steps measured apart: decode
 * both messages; decode and merge; decode, merge and convert to OTLP spans; the whole pipeline
 * ({@link TraceProcessor}: stage, claim, merge, seal, deliver to the archive) on a local folder.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ProcessorBenchmark {

  private static final int TRACES = 4_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageDecoder decoder = new MessageDecoder(DecodeLimits.defaults());
  private final OtlpTraceConverter converter = OtlpTraceConverter.create("bench");
  private List<String[]> traces;
  private int next;
  private Path folder;
  private TraceProcessor processor;

  @Setup(Level.Trial)
  public void recordTraces() {
    traces = DemoShapedTraces.record(TRACES);
  }

  /** A fresh store for each iteration, so that the pipeline never sees a trace twice. */
  @Setup(Level.Iteration)
  public void freshStore() throws IOException {
    folder = Files.createTempDirectory("llmops-processor-bench");
    LocalFolderStore store = new LocalFolderStore(folder);
    Clock clock = Clock.systemUTC();
    processor = new TraceProcessor(new BatchDecoder(decoder,
        new ObjectStoreDeadLetters(store, "dead_letters/"), clock), store,
        ProcessorSinks.fromSettings(Map.of(), store), MergeWindows.defaults(), clock);
    next = 0;
  }

  @TearDown(Level.Iteration)
  public void removeStore() throws IOException {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private String[] nextTrace() {
    String[] trace = traces.get(next);
    next = (next + 1) % traces.size();
    return trace;
  }

  @Benchmark
  public Object decode() {
    String[] trace = nextTrace();
    return new Object[] {decoder.decode(trace[0]), decoder.decode(trace[1])};
  }

  @Benchmark
  public MergeResult decodeAndMerge() {
    String[] trace = nextTrace();
    DecodedTrace parent = decoder.decode(trace[0]).trace();
    DecodedTrace child = decoder.decode(trace[1]).trace();
    return TraceMerger.merge(parent, List.of(child));
  }

  @Benchmark
  public Object decodeMergeAndConvert() throws IOException {
    MergeResult merged = decodeAndMerge();
    return converter.convert(JSON.writeValueAsBytes(merged.trace()));
  }

  @Benchmark
  public Object wholePipelineOnALocalFolder() {
    String[] trace = nextTrace();
    return processor.process(List.of(new IncomingMessage("p" + next, trace[0]),
        new IncomingMessage("c" + next, trace[1])));
  }

  /** Traces of the demo's shape, as the SDK writes them: {parent body, child segment body}. */
  static final class DemoShapedTraces {

    private DemoShapedTraces() {}

    static List<String[]> record(int count) {
      List<TraceMessage> messages = new CopyOnWriteArrayList<>();
      TraceSink sink = new TraceSink() {
        @Override
        public String name() {
          return "collect";
        }

        @Override
        public ExportResult export(List<TraceMessage> batch) {
          messages.addAll(batch);
          return ExportResult.success();
        }
      };
      Llmops.configure(LlmopsConfig.builder().environmentVariables(Map.of())
          .systemProperties(new Properties()).dotEnvFile(null).projectId("bench")
          .environment("bench").addSink(sink).build());
      for (int i = 0; i < count; i++) {
        recordOne(i);
        if (i % 200 == 199) {
          Llmops.flush(Duration.ofSeconds(60)); // the SDK's queue is bounded: it would drop
        }
      }
      Llmops.flush(Duration.ofSeconds(60));
      Map<String, String[]> byTrace = new java.util.LinkedHashMap<>();
      for (TraceMessage message : messages) {
        String[] pair = byTrace.computeIfAbsent(message.traceId(), id -> new String[2]);
        pair[isChild(message) ? 1 : 0] = message.body();
      }
      List<String[]> traces = new ArrayList<>();
      byTrace.values().forEach(pair -> {
        if (pair[0] != null && pair[1] != null) {
          traces.add(pair);
        }
      });
      System.out.println("[ProcessorBenchmark] recorded " + traces.size() + " traces of " + count
          + "; SDK counters: " + Llmops.stats());
      Llmops.shutdown(Duration.ofSeconds(10));
      if (traces.size() < count) {
        throw new IllegalStateException("recorded " + traces.size() + " of " + count + " traces");
      }
      return traces;
    }

    private static boolean isChild(TraceMessage message) {
      try {
        return JSON.readTree(message.traceJson()).path("is_child_segment").asBoolean();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** 18 spans in the caller's message, 2 in the called service's child segment. */
    private static void recordOne(int i) {
      TraceManager.newTrace("rag_demo").userId("user-" + (i % 50)).sessionId("s-" + i).start();
      try (Span agent = Llmops.spanBuilder("rag_agent", SpanType.AGENT).start()) {
        try (ExternalCall call = ExternalCall.to("profile_service").start()) {
          Map<String, String> headers = call.headers();
          Map<String, String> answer = calledService(headers);
          call.answered(answer::get);
        }
        for (int turn = 0; turn < 4; turn++) {
          try (Span generation = Llmops.spanBuilder("bedrock_converse", SpanType.GENERATION)
              .start()) {
            generation.setModel("anthropic.claude-3-5-sonnet-20241022-v2:0");
            generation.setPrompt("Context: Java was released in 1995. Question " + i + "?");
            generation.setResponse("Java was first released in 1995 (turn " + turn + ").");
            generation.setUsage(120 + turn, 30 + turn);
          }
          try (Span tool = Llmops.spanBuilder("search_docs", SpanType.TOOL).start()) {
            tool.setInput("query", "java release " + turn);
            tool.setOutput("3 documents");
          }
          try (Span step = Llmops.spanBuilder("rerank", SpanType.SPAN).start()) {
            step.setMetadata("turn", turn);
          }
        }
        try (Span check = Llmops.spanBuilder("check_answer", SpanType.SPAN).start()) {
          try (Span verdict = Llmops.spanBuilder("groundedness", SpanType.EVALUATION).start()) {
            verdict.setOutput(Map.of("score", 1.0, "label", "grounded"));
          }
        }
        try (Span log = Llmops.spanBuilder("log_answer", SpanType.TRANSACTION).start()) {
          log.setOutput(1);
        }
      }
      TraceManager.finalizeAndSend(Map.of("user_msg", "How old is Java?"),
          Map.of("bot_response", "30 years."));
    }

    /** The called service, on its own thread: its own trace resumed from the headers. */
    private static Map<String, String> calledService(Map<String, String> headers) {
      Map<String, String> answer = new java.util.concurrent.ConcurrentHashMap<>();
      Thread service = new Thread(() -> {
        RemoteParent caller = TraceHeaders.read(headers);
        TraceManager.newTrace("get_profile").remoteParent(caller).start();
        answer.putAll(TraceHeaders.responseHeaders());
        try (Span lookup = Llmops.spanBuilder("profile_lookup", SpanType.SPAN).start()) {
          lookup.setOutput("profile of the demo user");
        }
        TraceManager.finalizeAndSend(Map.of("user", "demo"), Map.of("profile", "found"));
      });
      service.start();
      try {
        service.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer;
    }
  }
}
