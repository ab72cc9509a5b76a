package io.llmops.benchmarks;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Caller-thread cost of one span, ours beside OpenTelemetry's, single thread.
 *
 * <p>Each op is one span opened, made current and closed inside an active trace (ours) or
 * under an active parent span (OpenTelemetry). So that a trace never grows without bound, the
 * trace (or OTel parent span) is finalized and a new one started every {@code spansPerTrace}
 * ops, inside the measured method: the score therefore includes 1/spansPerTrace of a trace's
 * start and finalize, which is the honest amortized cost of a trace of that many spans.
 * Export happens on each SDK's own background thread into a sink that discards: our worker
 * still serializes and compresses every trace; OTel's BatchSpanProcessor only batches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpanBenchmark {

  /** Our SDK, with a trace rotated every {@code spansPerTrace} spans. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class LlmopsState extends RotatingTrace {

    @Setup(Level.Trial)
    public void configure() {
      // Both SDKs buffer about 2,000 finished spans, as OpenTelemetry's BatchSpanProcessor does
      // by default (2,048): 20 traces of 100 spans. With the default 2,048 traces the worker,
      // which cannot keep up with one thread making spans, keeps ~200k spans alive and the
      // scores measure the garbage collector; a full-queue drop costs the caller what an
      // accepted offer does.
      sink = Discarding.configureLlmops(Map.of("LLMOPS_EXPORT_QUEUE_CAPACITY", "20"));
    }
  }

  /** OpenTelemetry SDK, with the parent span rotated every {@code spansPerTrace} spans. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class OtelState {
    @Param("100")
    public int spansPerTrace;

    OpenTelemetrySdk sdk;
    Tracer tracer;
    io.opentelemetry.api.trace.Span parent;
    Scope parentScope;
    int inTrace;

    @Setup(Level.Trial)
    public void configure() {
      sdk = Discarding.openTelemetry();
      tracer = sdk.getTracer("bench");
    }

    @Setup(Level.Iteration)
    public void startParent() {
      parent = tracer.spanBuilder("bench").startSpan();
      parentScope = parent.makeCurrent();
      inTrace = 0;
    }

    void rotate() {
      if (++inTrace == spansPerTrace) {
        parentScope.close();
        parent.end();
        parent = tracer.spanBuilder("bench").startSpan();
        parentScope = parent.makeCurrent();
        inTrace = 0;
      }
    }

    @TearDown(Level.Iteration)
    public void endParent() {
      parentScope.close();
      parent.end();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
      sdk.getSdkTracerProvider().shutdown().join(30, TimeUnit.SECONDS);
    }
  }

  /** Target: below 1 us and not slower than {@link #otelSpan}. */
  @Benchmark
  public void llmopsSpan(LlmopsState state) {
    try (Span span = Llmops.span("x").start()) {
      // nothing captured
    }
    state.rotate();
  }

  @Benchmark
  public void otelSpan(OtelState state) {
    io.opentelemetry.api.trace.Span span = state.tracer.spanBuilder("x").startSpan();
    try (Scope scope = span.makeCurrent()) {
      // nothing recorded
    } finally {
      span.end();
    }
    state.rotate();
  }

  /** Three small arguments and a small return value captured. Target: below 2 us. */
  @Benchmark
  public void llmopsSpanCapture3ArgsAndOutput(LlmopsState state) {
    try (Span span = Llmops.span("x")
        .input("a", 42)
        .input("b", "small string")
        .input("c", 3.5)
        .start()) {
      span.setOutput("result");
    }
    state.rotate();
  }

  /** The same values recorded as OpenTelemetry attributes, for reference. */
  @Benchmark
  public void otelSpan3AttributesAndOutput(OtelState state) {
    io.opentelemetry.api.trace.Span span = state.tracer.spanBuilder("x")
        .setAttribute("a", 42L)
        .setAttribute("b", "small string")
        .setAttribute("c", 3.5)
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      span.setAttribute("output", "result");
    } finally {
      span.end();
    }
    state.rotate();
  }
}
