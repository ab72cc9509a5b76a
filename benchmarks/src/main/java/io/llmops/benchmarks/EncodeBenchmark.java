package io.llmops.benchmarks;

import io.llmops.observability.SpanLevel;
import io.llmops.observability.SpanType;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.internal.capture.Snapshotter;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.engine.Ids;
import io.llmops.observability.internal.model.Cost;
import io.llmops.observability.internal.model.SpanData;
import io.llmops.observability.internal.model.TraceData;
import io.llmops.observability.internal.model.Usage;
import io.llmops.observability.internal.wire.FieldLimits;
import io.llmops.observability.internal.wire.MessageEncoder;
import io.llmops.observability.internal.wire.Redactor;
import io.llmops.observability.internal.wire.TraceJsonWriter;
import io.llmops.observability.spi.SdkInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The export worker's cost per trace: a realistic 20-span trace (an agent, 6 LLM calls with
 * prompts and responses of a few hundred characters, usage and cost, tool calls with arguments,
 * metadata) written as trace JSON, gzipped, base64-encoded and wrapped, with the SDK's own
 * {@link MessageEncoder} and default limits. One thread, so 1e6 / score(us) is traces per second
 * per core. {@link #main} (or the set-up's output) prints the compression ratio.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EncodeBenchmark {

  TraceData trace;
  MessageEncoder encoder;
  TraceJsonWriter writer;
  FieldLimits limits;

  @Setup(Level.Trial)
  public void setUp() {
    Counters counters = new Counters();
    writer = new TraceJsonWriter(new Redactor(List.of()), counters, SdkInfo.NAME, SdkInfo.VERSION);
    // The defaults: LLMOPS_MAX_TRACE_IO_BYTES, _SPAN_IO_BYTES, _PROMPT_RESPONSE_BYTES, _MAX_MESSAGE_BYTES.
    limits = new FieldLimits(50_000, 20_000, 10_000, Integer.MAX_VALUE, 0);
    encoder = new MessageEncoder(writer, limits, 200_000, counters);
    trace = realisticTrace(20, 42);
    System.out.println();
    System.out.println(report(encoder.encode(trace)));
  }

  /** Everything the worker does per trace before the sink: JSON, gzip, base64, wrapper. */
  @Benchmark
  public TraceMessage encode() {
    return encoder.encode(trace);
  }

  /** The JSON part alone, to split the cost. */
  @Benchmark
  public byte[] jsonOnly() {
    return writer.write(trace, limits);
  }

  static String report(TraceMessage message) {
    byte[] json = message.traceJson();
    int gzip = MessageEncoder.gzip(json).length;
    return String.format("[compression] spans=%d json=%d B, gzip=%d B (%.3f), body (base64+wrapper)=%d B"
            + " (body/json = %.3f)",
        message.spanCount(), json.length, gzip, (double) gzip / json.length, message.bodySize(),
        (double) message.bodySize() / json.length);
  }

  private static final String[] WORDS = (
      "the a an of to and in for on with by from at as is are was be can will should order orders "
          + "refund refunds policy customer customers shipping shipped delivery days within after "
          + "before product products account payment invoice support ticket request question answer "
          + "please thank you we our your this that these those it its please note following steps "
          + "first second then finally if when unless except including international domestic EU US "
          + "warehouse carrier tracking number status pending approved rejected escalated agent tool "
          + "search database record found not available contact email phone return label package "
          + "damaged missing item items price total tax discount coupon code valid expired region "
          + "language model context document documents retrieved relevant summary summarize explain")
      .split(" ");

  static String text(Random random, int chars) {
    StringBuilder out = new StringBuilder(chars + 16);
    boolean capital = true;
    while (out.length() < chars) {
      String word = WORDS[random.nextInt(WORDS.length)];
      out.append(capital ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      capital = random.nextInt(12) == 0;
      out.append(capital ? ". " : random.nextInt(9) == 0 ? ", " : " ");
    }
    return out.toString().trim();
  }

  /** A 20-span agent trace with the shapes the SDK really produces (captured snapshots). */
  static TraceData realisticTrace(int spanCount, long seed) {
    Random random = new Random(seed);
    String traceId = Ids.uuid();
    long start = 1_760_000_000_000_000L;
    long t = start;
    String rootId = Ids.uuid();
    List<SpanData> spans = new ArrayList<>(spanCount);
    for (int i = 0; i < spanCount; i++) {
      String spanId = i == 0 ? rootId : Ids.uuid();
      long begin = t;
      long end = begin + 1_000 + random.nextInt(800_000);
      t = end;
      Map<String, Object> kwargs = new LinkedHashMap<>();
      Map<String, Object> metadata = new LinkedHashMap<>();
      SpanType type;
      String name;
      Object output;
      String modelId = null;
      Object prompt = null;
      Object response = null;
      Usage usage = null;
      Cost cost = null;
      if (i == 0) {
        type = SpanType.AGENT;
        name = "support_agent";
        kwargs.put("question", Snapshotter.capture(text(random, 200)));
        kwargs.put("customer_id", Snapshotter.capture("cus_" + random.nextInt(1_000_000)));
        output = Snapshotter.capture(text(random, 300));
        metadata.put("agent_version", "2.3.1");
      } else if (i % 3 == 1) {
        type = SpanType.GENERATION;
        name = "llm_call";
        modelId = "anthropic.claude-3-5-sonnet-20241022-v2:0";
        prompt = Snapshotter.text(text(random, 400 + random.nextInt(400)));
        response = Snapshotter.text(text(random, 200 + random.nextInt(400)));
        long in = 300 + random.nextInt(1_500);
        long out = 50 + random.nextInt(500);
        usage = new Usage(in, out, in + out);
        cost = new Cost(in * 3e-6, out * 15e-6, in * 3e-6 + out * 15e-6);
        kwargs.put("temperature", Snapshotter.capture(0.2));
        kwargs.put("max_tokens", Snapshotter.capture(1024));
        output = Snapshotter.capture(Map.of("stop_reason", "end_turn"));
        metadata.put("region", "us-east-1");
        metadata.put("latency_ms", Snapshotter.capture((end - begin) / 1000));
      } else {
        type = SpanType.TOOL;
        name = i % 3 == 2 ? "search_orders" : "lookup_policy";
        kwargs.put("query", Snapshotter.capture(text(random, 60)));
        kwargs.put("limit", Snapshotter.capture(10));
        kwargs.put("filters", Snapshotter.capture(Map.of("status", "shipped", "region", "EU")));
        output = Snapshotter.capture(List.of(
            Map.of("order_id", "ord_" + random.nextInt(1_000_000), "status", "shipped",
                "summary", text(random, 120)),
            Map.of("order_id", "ord_" + random.nextInt(1_000_000), "status", "pending",
                "summary", text(random, 120))));
        metadata.put("tool_version", "1.0");
      }
      spans.add(new SpanData(spanId, i == 0 ? null : rootId, name, type, begin, end,
          List.of(), kwargs, Map.of(), SpanData.ABSENT, output, modelId, prompt, response, usage,
          cost, metadata, i % 3 == 1 ? List.of("llm") : List.of(), SpanLevel.DEFAULT, null, null));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("app_version", "1.14.2");
    metadata.put("channel", "web");
    metadata.put("experiment", "refund-flow-b");
    return new TraceData(traceId, "chat_message", "bench", "production", "user_" + random.nextInt(10_000),
        "session_" + random.nextInt(100_000), start, t,
        Snapshotter.capture(Map.of("user_msg", text(random, 200))),
        Snapshotter.capture(Map.of("bot_response", text(random, 400))),
        metadata, List.of("support", "prod"), spans, 0, 0);
  }

  /** Prints the compression ratio of the benchmark's trace without running JMH. */
  public static void main(String[] args) {
    EncodeBenchmark bench = new EncodeBenchmark();
    bench.setUp();
  }
}
