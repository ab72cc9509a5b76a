package io.llmops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.CostBreakdown;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Llmops;
import io.llmops.observability.Pricing;
import io.llmops.observability.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Caller-thread cost of understanding a typical Bedrock Converse response and pricing it: the
 * work {@code Span.recordLlmResponse} and span end add to a generation (target: under 5 µs); and
 * of large responses, which must cost in proportion to what is kept, not to what arrives.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LlmResponseBenchmark {

  /** A typical Converse response: one text block of ~300 characters, usage with cache reads. */
  static final String CONVERSE = """
      {"output":{"message":{"role":"assistant","content":[{"text":"Java is a general-purpose, \
      class-based, object-oriented programming language designed to have as few implementation \
      dependencies as possible. Programs are compiled to bytecode that runs on any Java virtual \
      machine regardless of the underlying computer architecture, which is why Java is said to \
      be write once, run anywhere."}]}},"stopReason":"end_turn","usage":{"inputTokens":145,\
      "outputTokens":87,"totalTokens":1232,"cacheReadInputTokens":1000,"cacheWriteInputTokens":0},\
      "metrics":{"latencyMs":1289}}""";
  static final String MODEL = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";

  Map<String, Object> converseMap;
  /** An Anthropic Messages body of 40,000 text blocks (4.5 MB), below the parse limit. */
  String anthropic5Mb;
  /** A Converse body of 10 MB (the red team's case) and one of 50 MB: above the parse limit. */
  String converse10Mb;
  String converse50Mb;
  /** A ConverseStream of 250,000 delta events as maps, ending with its usage. */
  List<Object> stream250kEvents;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    Discarding.configureLlmops();
    converseMap = new ObjectMapper().readValue(CONVERSE, Map.class);
    if (LlmResponse.read(CONVERSE).totalTokens() != 1232 || cost(LlmResponse.read(CONVERSE)) == null) {
      throw new IllegalStateException("the benchmark's response is not read as expected");
    }
    anthropic5Mb = repeated("{\"type\":\"message\",\"role\":\"assistant\",\"model\":"
        + "\"claude-sonnet-4-5-20250929\",\"content\":[",
        "{\"type\":\"text\",\"text\":\"" + "lorem ipsum dolor sit amet ".repeat(4) + "\"}", 40_000,
        "],\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":2095,\"output_tokens\":64000}}");
    String block = "{\"text\":\"" + "lorem ipsum ".repeat(8) + "dolor\"}";
    String converseHead = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[";
    String converseTail = "]}},\"stopReason\":\"max_tokens\",\"usage\":{\"inputTokens\":12,"
        + "\"outputTokens\":4096}}";
    converse10Mb = repeated(converseHead, block, 10_000_000 / (block.length() + 1), converseTail);
    converse50Mb = repeated(converseHead, block, 50_000_000 / (block.length() + 1), converseTail);
    stream250kEvents = converseStream(250_000);
    if (LlmResponse.read(anthropic5Mb).outputTokens() != 64_000
        || LlmResponse.read(stream250kEvents).outputTokens() != 250_000) {
      throw new IllegalStateException("the large responses are not read as expected");
    }
  }

  /** {@code count} copies of {@code element}, comma-separated, between {@code head} and {@code tail}. */
  private static String repeated(String head, String element, int count, String tail) {
    return head + String.join(",", Collections.nCopies(count, element)) + tail;
  }

  private static List<Object> converseStream(int deltas) {
    List<Object> events = new ArrayList<>(deltas + 3);
    events.add(Map.of("messageStart", Map.of("role", "assistant")));
    for (int i = 0; i < deltas; i++) {
      events.add(Map.of("contentBlockDelta", Map.of("contentBlockIndex", 0,
          "delta", Map.of("text", "token "))));
    }
    events.add(Map.of("messageStop", Map.of("stopReason", "end_turn")));
    events.add(Map.of("metadata", Map.of("usage", Map.of("inputTokens", 9, "outputTokens", deltas))));
    return events;
  }

  private static CostBreakdown cost(LlmResponse r) {
    return Pricing.calculateCost(MODEL, r.inputTokens(), r.outputTokens(), r.cacheReadTokens(),
        r.cacheWriteTokens());
  }

  /** JSON text (as InvokeModel bodies and HTTP clients hand it over) read and priced. */
  @Benchmark
  public CostBreakdown converseJsonTextReadAndCost() {
    return cost(LlmResponse.read(CONVERSE));
  }

  /** An already-parsed map (as a Python-style client or Jackson binding gives it) read and priced. */
  @Benchmark
  public CostBreakdown converseMapReadAndCost() {
    return cost(LlmResponse.read(converseMap));
  }

  /** 4.8 MB of JSON text, parsed as a stream of tokens into a bounded tree (usage at the end). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public LlmResponse anthropic5MbJsonTextRead() {
    return LlmResponse.read(anthropic5Mb);
  }

  /** 10 MB of JSON text: above the parse limit, so only its size and first character are looked at. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public LlmResponse converse10MbJsonTextRead() {
    return LlmResponse.read(converse10Mb);
  }

  /** The whole caller-side cost of a 50 MB response on a generation span (read, output kept, end). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void converse50MbRecordedOnASpan() {
    try (Span llm = Llmops.generation("huge").start()) {
      llm.recordLlmResponse(converse50Mb);
    }
  }

  /** A stream of 250,000 events as maps: the first 99,000 and the last 1,000 are folded. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public LlmResponse converseStream250kEventsRead() {
    return LlmResponse.read(stream250kEvents);
  }

  /** The price look-up and arithmetic alone (model id normalization cached). */
  @Benchmark
  public CostBreakdown costOnly() {
    return Pricing.calculateCost(MODEL, 1145, 87, 1000, 0);
  }
}
