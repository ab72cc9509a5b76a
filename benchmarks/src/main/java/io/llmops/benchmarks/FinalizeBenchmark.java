package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Caller-thread cost of a 20-span trace and of its {@code finalizeAndSend}, which only snapshots
 * the trace and hands it to the export queue (serialization and compression are the worker's,
 * measured by {@link EncodeBenchmark}).
 *
 * <ul>
 *   <li>{@link #trace20SpansAndFinalize}: start trace, 20 spans each with one input and an
 *       output, finalize. The whole request-path cost of a typical trace.
 *   <li>{@link #finalizeOnly}: just {@code finalizeAndSend}; the 20-span trace is built in a
 *       {@code Level.Invocation} set-up, outside the measurement. Level.Invocation adds its own
 *       timestamping (tens of ns per call) to the score, which only overstates it.
 * </ul>
 *
 * <p>The worker encodes slower than this loop produces traces, so the export queue (default
 * 2048) fills and later traces are dropped at submit; a dropped submit costs the caller about
 * what an accepted one does (a failed {@code offer} instead of a successful one). The counters
 * printed at the end of each fork show how many.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FinalizeBenchmark {

  static final int SPANS = 20;
  static final String QUESTION = "What is the refund policy for orders shipped outside the EU?";
  static final String ANSWER = "Orders shipped outside the EU can be refunded within 30 days.";

  @State(Scope.Thread)
  public static class SdkState {
    Discarding.Sink sink;

    @Setup(Level.Trial)
    public void configure() {
      sink = Discarding.configureLlmops();
    }

    @TearDown(Level.Trial)
    public void shutdown(BenchmarkParams params) {
      Discarding.shutdownLlmops(params.getBenchmark(), sink);
    }
  }

  /**
   * Same SDK set-up plus a 20-span trace built before each invocation of {@link #finalizeOnly}.
   * (A separate state rather than a dependency on {@link SdkState}: JMH would otherwise create
   * and configure two SDK instances.)
   */
  @State(Scope.Thread)
  public static class PreparedTrace {
    Discarding.Sink sink;

    @Setup(Level.Trial)
    public void configure() {
      sink = Discarding.configureLlmops();
    }

    @Setup(Level.Invocation)
    public void build() {
      buildTrace();
    }

    @TearDown(Level.Trial)
    public void shutdown(BenchmarkParams params) {
      Discarding.shutdownLlmops(params.getBenchmark(), sink);
    }
  }

  static void buildTrace() {
    TraceManager.startTrace("chat_message");
    for (int i = 0; i < SPANS; i++) {
      try (Span span = Llmops.span("step").input("i", i).start()) {
        span.setOutput("ok");
      }
    }
  }

  @Benchmark
  public boolean trace20SpansAndFinalize(SdkState sdk) {
    buildTrace();
    return TraceManager.finalizeAndSend(Map.of("user_msg", QUESTION), Map.of("bot_response", ANSWER));
  }

  /** Target: below 20 us. */
  @Benchmark
  public boolean finalizeOnly(PreparedTrace trace) {
    return TraceManager.finalizeAndSend(Map.of("user_msg", QUESTION), Map.of("bot_response", ANSWER));
  }
}
