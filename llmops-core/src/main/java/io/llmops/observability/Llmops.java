package io.llmops.observability;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

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
 * first use (an invalid value then disables tracing, with an error in the log, instead of
 * throwing). No method here throws except {@link IllegalArgumentException} for invalid arguments,
 * where the method says so.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class Llmops {

  private Llmops() {}

  /**
   * Installs {@code config}, replacing the running configuration; what the previous one had
   * queued is delivered first.
   *
   * @throws IllegalArgumentException when {@code config} is null, or a sink it selects rejects
   *     its settings (the message names the variable); the running configuration then stays
   */
  public static void configure(LlmopsConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    Engine.get().configure(config);
  }

  /**
   * Configures from the environment now instead of on first use, so that a bad value fails at
   * start-up instead of disabling tracing.
   *
   * @throws IllegalArgumentException when a variable has an invalid value, or a sink rejects its
   *     settings (the message names the variable)
   */
  public static void init() {
    configure(LlmopsConfig.fromEnvironment());
  }

  /** The configuration in force; never null. */
  public static LlmopsConfig config() {
    return Engine.get().config();
  }

  /**
   * A builder for a span of type {@code span}.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SpanBuilder span(String name) {
    return spanBuilder(name, SpanType.SPAN);
  }

  /**
   * A builder for an LLM call ({@code generation}).
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SpanBuilder generation(String name) {
    return spanBuilder(name, SpanType.GENERATION);
  }

  /**
   * A builder for an agent loop ({@code agent}).
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SpanBuilder agent(String name) {
    return spanBuilder(name, SpanType.AGENT);
  }

  /**
   * A builder for a tool execution ({@code tool}).
   *
   * @throws IllegalArgumentException when {@code name} is null or blank
   */
  public static SpanBuilder tool(String name) {
    return spanBuilder(name, SpanType.TOOL);
  }

  /**
   * A builder for a span of any type.
   *
   * @throws IllegalArgumentException when {@code name} is null or blank, or {@code type} is null
   */
  public static SpanBuilder spanBuilder(String name, SpanType type) {
    return Engine.get().spanBuilder(name, type);
  }

  /** The span current on this thread, or the no-op span (never null). Never throws. */
  public static Span currentSpan() {
    return Engine.get().currentSpan();
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
  public static @Nullable String recordEvaluation(@Nullable Evaluation evaluation) {
    if (evaluation == null) {
      Engine.get().ignoredInvalidArgument("recordEvaluation", "evaluation");
      return null;
    }
    return EvaluationRecorder.record(evaluation);
  }

  /**
   * Waits at most {@code timeout} for everything finalized so far to reach the sinks.
   *
   * @return true when it all reached the sinks in time and every sink's flush succeeded (also
   *     when tracing is off)
   * @throws IllegalArgumentException when {@code timeout} is null or negative
   */
  public static boolean flush(Duration timeout) {
    return Engine.get().flush(requireTimeout(timeout));
  }

  /**
   * Delivers what is pending and stops the export worker; idempotent. Also run at JVM exit.
   *
   * @return true when everything pending was delivered in time, every sink shut down cleanly
   *     and the worker lost nothing (also when tracing is off)
   * @throws IllegalArgumentException when {@code timeout} is null or negative
   */
  public static boolean shutdown(Duration timeout) {
    return Engine.get().shutdown(requireTimeout(timeout));
  }

  /** The SDK's counters: what was recorded, exported and dropped, by reason. Never throws. */
  public static LlmopsStats stats() {
    return new LlmopsStats(Engine.get().counters());
  }

  private static Duration requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be a non-negative duration");
    }
    return timeout;
  }
}
