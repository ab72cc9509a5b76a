package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each call of the annotated method as a {@code generation} span: model, prompt,
 * response, token usage and cost read from the return value, plus optional LLM-as-judge
 * evaluations run in the background. Takes effect when the {@code llmops-agent} is installed, and
 * on Spring beans through {@code llmops-spring-boot-starter}.
 *
 * <pre>{@code
 * @TrackLlmCall(model = "anthropic.claude-3-sonnet-20240229-v1:0", promptName = "qa-system", promptVersion = 3,
 *     evals = {"correctness"}, sampleRate = 0.2)
 * ConverseResponse answer(String prompt) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackLlmCall {

  /** Span name; default: the method name. */
  String name() default "";

  /** Model id for cost calculation; default: {@code MODEL_ID}. */
  String model() default "";

  /**
   * Name of the managed prompt (for example in Langfuse's prompt management) this call uses;
   * with {@link #promptVersion()}, recorded as {@link SpanBuilder#promptReference} records it.
   * Default: none. Given without a version of at least 1, it is left out with a warning when the
   * method is woven.
   */
  String promptName() default "";

  /** Version of the prompt named by {@link #promptName()}, from 1; default: none (0). */
  int promptVersion() default 0;

  /**
   * Metadata entries as {@code "key=value"} strings. Values are typed: {@code true} and {@code
   * false} are recorded as booleans, integers of up to 12 digits and decimals of up to 15
   * significant digits as numbers, a value in matching quotes as the string between them, and
   * anything else as the string written (the exact rule: docs/AGENT.md, "Metadata values").
   */
  String[] metadata() default {};

  /** Tags of the span ({@code tags}): each trimmed, a repeated one once, a blank one skipped. */
  String[] tags() default {};

  /** Whether arguments are recorded. */
  boolean captureArgs() default true;

  /** Whether the return value is recorded. */
  boolean captureOutput() default true;

  /** Local variables to record: none, {@link CaptureLocals#ALL}, or a list of names. */
  String[] captureLocals() default {};

  /** Whether the receiver's fields are recorded. */
  boolean captureSelf() default false;

  /** Evaluation criteria to run on the response (for example {@code "correctness"}). */
  String[] evals() default {};

  /** Alias for {@code evals = {"correctness"}}. */
  boolean evaluation() default false;

  /** Share of calls evaluated, from 0.0 to 1.0. */
  double sampleRate() default 1.0;

  /** Metadata attached to each evaluation span, as {@code "key=value"} strings. */
  String[] evaluationMetadata() default {};
}
