package io.llmops.benchmarks;

import io.llmops.observability.CaptureLocals;
import io.llmops.observability.TrackFunction;

/**
 * The same small method, unannotated and annotated, for {@link AgentBenchmark}. Loaded (or
 * retransformed) after {@code LlmopsAgent.install()}.
 */
public class Work {

  /** Not annotated: the baseline. */
  public int plain(int value) {
    return value * 31 + 7;
  }

  /** Annotated, nothing captured. */
  @TrackFunction(name = "x", captureArgs = false, captureOutput = false)
  public int annotated(int value) {
    return value * 31 + 7;
  }

  /** Annotated with the defaults: the argument by name and the return value. */
  @TrackFunction(name = "x")
  public int annotatedDefaults(int value) {
    return value * 31 + 7;
  }

  /** Five locals, none captured: the baseline of {@link #fiveLocalsCaptured}. */
  @TrackFunction(name = "x", captureArgs = false, captureOutput = false)
  public int fiveLocals(int value) {
    int a = value + 1;
    long b = a * 3L;
    String c = "small string";
    double d = b / 2.0;
    boolean e = d > 10;
    return e ? a + c.length() : (int) b;
  }

  /** The same five locals (and the parameter), captured at return. */
  @TrackFunction(name = "x", captureArgs = false, captureOutput = false,
      captureLocals = {"a", "b", "c", "d", "e"})
  public int fiveLocalsCaptured(int value) {
    int a = value + 1;
    long b = a * 3L;
    String c = "small string";
    double d = b / 2.0;
    boolean e = d > 10;
    return e ? a + c.length() : (int) b;
  }
}
