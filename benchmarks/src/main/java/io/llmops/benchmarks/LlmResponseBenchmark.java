package io.llmops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.CostBreakdown;
import io.llmops.observability.LlmResponse;
import io.llmops.observability.Pricing;
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
 * work {@code Span.recordLlmResponse} and span end add to a generation (target: under 5 µs).
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

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    Discarding.configureLlmops();
    converseMap = new ObjectMapper().readValue(CONVERSE, Map.class);
    if (LlmResponse.read(CONVERSE).totalTokens() != 1232 || cost(LlmResponse.read(CONVERSE)) == null) {
      throw new IllegalStateException("the benchmark's response is not read as expected");
    }
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

  /** The price look-up and arithmetic alone (model id normalization cached). */
  @Benchmark
  public CostBreakdown costOnly() {
    return Pricing.calculateCost(MODEL, 1145, 87, 1000, 0);
  }
}
