package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The context alone, single thread: making a span current and closing the scope, in order and
 * out of order, and capturing the current context. No span starts or ends and no trace is
 * finalized inside the measured methods, so the export worker stays idle and the score is the
 * caller's cost of the context itself (part of every {@code SpanBenchmark} op).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContextBenchmark {

  /** An active trace with two started spans, made current by the benchmarks. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class InTrace {
    Discarding.Sink sink;
    Span outer;
    Span inner;

    @Setup(Level.Trial)
    public void start() {
      sink = Discarding.configureLlmops();
      TraceManager.startTrace("bench");
      outer = Llmops.span("outer").startDetached();
      inner = Llmops.span("inner").startDetached();
    }

    @TearDown(Level.Trial)
    public void finish(BenchmarkParams params) {
      inner.end();
      outer.end();
      TraceManager.finalizeAndSend();
      Discarding.shutdownLlmops(params.getBenchmark(), sink);
    }
  }

  /** What {@code start()} and {@code close()} of a span cost for its context. */
  @Benchmark
  public void makeCurrentAndClose(InTrace state) {
    try (Scope ignored = state.outer.makeCurrent()) {
      // nothing
    }
  }

  /** Two scopes closed in the wrong order. */
  @Benchmark
  public void twoScopesClosedOutOfOrder(InTrace state) {
    Scope first = state.outer.makeCurrent();
    Scope second = state.inner.makeCurrent();
    first.close();
    second.close();
  }

  /** What {@code LlmopsContext.current().wrap(task)} costs when the task runs. */
  @Benchmark
  public LlmopsContext captureAndRunWrapped(InTrace state) {
    try (Scope ignored = state.inner.makeCurrent()) {
      LlmopsContext context = LlmopsContext.current();
      context.wrap((Runnable) () -> { }).run();
      return context;
    }
  }
}
