package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each call of the annotated method as a span of type {@code tool}: a tool execution.
 * Arguments and the return value are captured; an exception marks the span failed and is
 * rethrown unchanged. Takes effect when the {@code llmops-agent} is installed.
 *
 * <pre>{@code
 * @TrackLlmTool(name = "search_docs")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackLlmTool {

  /** Span name; default: the method name. */
  String name() default "";

  /**
   * Metadata entries as {@code "key=value"} strings. Values are typed: {@code true} and {@code
   * false} are recorded as booleans, integers of up to 12 digits and decimals of up to 15
   * significant digits as numbers, a value in matching quotes as the string between them, and
   * anything else as the string written (the exact rule: docs/AGENT.md, "Metadata values").
   */
  String[] metadata() default {};

  /** Tags of the span ({@code tags}): each trimmed, a repeated one once, a blank one skipped. */
  String[] tags() default {};

  /** Whether arguments are recorded ({@code input_data.args}/{@code kwargs}). */
  boolean captureArgs() default true;

  /** Whether the return value is recorded ({@code output_data.output}). */
  boolean captureOutput() default true;

  /**
   * Local variables to record when the method returns or throws: none by default,
   * {@link CaptureLocals#ALL} for every local, or a list of names.
   */
  String[] captureLocals() default {};

  /** Whether the receiver's fields are recorded ({@code input_data.self}). */
  boolean captureSelf() default false;
}
