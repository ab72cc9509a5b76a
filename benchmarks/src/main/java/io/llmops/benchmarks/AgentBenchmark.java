package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.agent.LlmopsAgent;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of an annotated method woven by the agent, beside the same method unannotated and the
 * core's programmatic span, single thread. As in {@link SpanBenchmark}, every op runs inside an
 * active trace that is finalized and replaced every {@code spansPerTrace} ops (also for the
 * unannotated baseline, so that all scores carry the same amortized trace cost). The export
 * queue is short (16 traces) so that retained spans do not dominate the scores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgentBenchmark {

  /** The agent installed (self-attach) before {@link Work} is used; a trace rotated. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class AgentState extends RotatingTrace {
    Work work;
    int value;

    @Setup(Level.Trial)
    public void install() {
      if (!LlmopsAgent.install()) {
        throw new IllegalStateException("the agent could not attach");
      }
      // A short export queue: with the default 2,048 traces the worker (which cannot keep up,
      // see "Why: the export worker's redaction regex") keeps ~200k spans alive and the scores
      // measure the garbage collector; full-queue drops cost the caller what an accepted offer does.
      sink = Discarding.configureLlmops(Map.of("LLMOPS_EXPORT_QUEUE_CAPACITY", "16"));
      work = new Work();
    }
  }

  /** The method without annotation (no span; the trace rotation only). */
  @Benchmark
  public int unannotated(AgentState state) {
    int result = state.work.plain(state.value++);
    state.rotate();
    return result;
  }

  /** Target: at most 1.5 us more than {@link #unannotated} and at most 2x {@link #programmatic}. */
  @Benchmark
  public int annotated(AgentState state) {
    int result = state.work.annotated(state.value++);
    state.rotate();
    return result;
  }

  /** The same method body inside the core's programmatic span, nothing captured. */
  @Benchmark
  public int programmatic(AgentState state) {
    int result;
    try (Span span = Llmops.span("x").start()) {
      result = state.work.plain(state.value++);
    }
    state.rotate();
    return result;
  }

  /** Annotated with the defaults: one argument by name and the return value (reference). */
  @Benchmark
  public int annotatedWithArgAndOutput(AgentState state) {
    int result = state.work.annotatedDefaults(state.value++);
    state.rotate();
    return result;
  }

  /** Five locals, annotated without captureLocals: the baseline of {@link #captureFiveLocals}. */
  @Benchmark
  public int fiveLocals(AgentState state) {
    int result = state.work.fiveLocals(state.value++);
    state.rotate();
    return result;
  }

  /** Target: under 2 us more than {@link #fiveLocals}. */
  @Benchmark
  public int captureFiveLocals(AgentState state) {
    int result = state.work.fiveLocalsCaptured(state.value++);
    state.rotate();
    return result;
  }
}
