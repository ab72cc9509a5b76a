package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first traced call of a fresh JVM, which configures the SDK from the environment (here
 * system properties of the same names) and builds its sinks: a trace with one span, finalized,
 * with the file sink or with the SQS sink configured ({@code AWS_SQS_URL}; the port is closed, the
 * message is spilled at shutdown, after the measurement). One shot per fork:
 * {@code java -jar benchmarks/target/benchmarks.jar FirstTracedCall}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
@State(Scope.Benchmark)
public class FirstTracedCall {

  @Param({"file", "sqs"})
  public String sink;

  private Path dir;

  @Setup(Level.Trial)
  public void configureThroughTheEnvironment() throws IOException {
    dir = Files.createTempDirectory("llmops-first-call");
    System.setProperty("LLMOPS_FILE_SINK_DIR", dir.resolve("traces").toString());
    System.setProperty("LLMOPS_SPILLOVER_DIR", dir.resolve("spillover").toString());
    if (sink.equals("sqs")) {
      System.setProperty("AWS_SQS_URL", "http://127.0.0.1:9/000000000000/first-call");
    }
  }

  @Benchmark
  public String firstTrace() {
    String traceId = TraceManager.startTrace("first_request");
    try (Span span = Llmops.span("handle").start()) {
      span.setOutput("ok");
    }
    TraceManager.finalizeAndSend(Map.of("user_msg", "hello"), Map.of("bot_response", "hi"));
    return traceId;
  }

  @TearDown(Level.Trial)
  public void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(10));
  }
}
