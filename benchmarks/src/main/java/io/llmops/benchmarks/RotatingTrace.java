package io.llmops.benchmarks;

import io.llmops.observability.TraceManager;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Benchmark state with an active trace that is finalized and replaced every {@code
 * spansPerTrace} ops ({@link #rotate()}), so that no trace grows without bound and every score
 * carries the same amortized cost of a trace. Subclasses configure the SDK and set {@link #sink}.
 */
@State(Scope.Thread)
public abstract class RotatingTrace {

  @Param("100")
  public int spansPerTrace;

  Discarding.Sink sink;
  private int inTrace;

  @Setup(Level.Iteration)
  public void startTrace() {
    TraceManager.startTrace("bench");
    inTrace = 0;
  }

  void rotate() {
    if (++inTrace == spansPerTrace) {
      TraceManager.finalizeAndSend(null, null);
      TraceManager.startTrace("bench");
      inTrace = 0;
    }
  }

  @TearDown(Level.Iteration)
  public void endTrace() {
    TraceManager.finalizeAndSend(null, null);
  }

  @TearDown(Level.Trial)
  public void shutdown(BenchmarkParams params) {
    Discarding.shutdownLlmops(params.getBenchmark(), sink);
  }
}
