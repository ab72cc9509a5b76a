package io.llmops.observability;

import io.llmops.observability.internal.engine.EpochClock;
import io.llmops.observability.internal.engine.InvalidArguments;
import io.llmops.observability.internal.engine.Tracer;
import java.time.Duration;

/**
 * Entry point: configuration, programmatic spans, flushing and statistics.
 *
 * <pre>{@code
 * Llmops.configure(LlmopsConfig.builder().projectId("chatbot").environment("production").build());
 *
 * try (Span span = Llmops.generation("answer").model(modelId).prompt(prompt).start()) {
 *   Response r = client.converse(...);
 *   span.setResponse(r.text()).setUsage(r.inputTokens(), r.outputTokens());
 * }
 * }</pre>
 *
 * <p>Without an explicit {@link #configure}, the SDK configures itself from the environment on
 * first use. No method here throws except IllegalArgumentException for invalid arguments.
 */
public final class Llmops {

  private Llmops() {}

  /**
   * Installs {@code config}, replacing the running configuration; what the previous one had
   * queued is delivered first.
   */
  public static void configure(LlmopsConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    Tracer.install(config, EpochClock.SYSTEM);
  }

  /**
   * Configures from the environment now instead of on first use, so that a bad value fails at
   * start-up with an IllegalArgumentException naming the variable.
   */
  public static void init() {
    configure(LlmopsConfig.fromEnvironment());
  }

  /** The configuration in force. */
  public static LlmopsConfig config() {
    return Tracer.get().config();
  }

  /** A builder for a span of type {@code span}. */
  public static SpanBuilder span(String name) {
    return spanBuilder(name, SpanType.SPAN);
  }

  /** A builder for an LLM call ({@code generation}). */
  public static SpanBuilder generation(String name) {
    return spanBuilder(name, SpanType.GENERATION);
  }

  /** A builder for an agent loop ({@code agent}). */
  public static SpanBuilder agent(String name) {
    return spanBuilder(name, SpanType.AGENT);
  }

  /** A builder for a tool execution ({@code tool}). */
  public static SpanBuilder tool(String name) {
    return spanBuilder(name, SpanType.TOOL);
  }

  public static SpanBuilder spanBuilder(String name, SpanType type) {
    return Tracer.get().spanBuilder(name, type);
  }

  /** The span current on this thread, or a no-op span. */
  public static Span currentSpan() {
    return Tracer.get().currentSpan();
  }

  /**
   * Records an evaluation as an {@code evaluation} span, a child of the current span (or of
   * {@link Evaluation#parent()}): the verdict under {@code input_data.evaluation}, the evaluator
   * metadata under {@code metadata.evaluator}. See {@code docs/TELEMETRY.md}. The evaluation was
   * validated when it was built, so this runtime call never throws: a null evaluation is ignored
   * and counted under {@code invalid_argument.recordEvaluation}. {@link Evaluation.Builder#record()}
   * builds and records in one step.
   *
   * @return the evaluation span's id, or null when there is no active trace, tracing is off or
   *     the evaluation is null
   */
  public static String recordEvaluation(Evaluation evaluation) {
    if (evaluation == null) {
      InvalidArguments.ignored("recordEvaluation", "evaluation");
      return null;
    }
    return EvaluationRecorder.record(evaluation);
  }

  /** Waits at most {@code timeout} for everything finalized so far to reach the sinks. */
  public static boolean flush(Duration timeout) {
    return Tracer.get().flush(requireTimeout(timeout));
  }

  /** Delivers what is pending and stops the export worker; idempotent. Also run at JVM exit. */
  public static boolean shutdown(Duration timeout) {
    return Tracer.get().shutdown(requireTimeout(timeout));
  }

  /** The SDK's counters: what was recorded, exported and dropped, by reason. */
  public static LlmopsStats stats() {
    return new LlmopsStats(Tracer.get().counters().snapshot());
  }

  private static Duration requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be a non-negative duration");
    }
    return timeout;
  }
}
