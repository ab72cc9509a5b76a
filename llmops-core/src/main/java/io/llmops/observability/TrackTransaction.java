package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose calls are transactions: spans of type {@code transaction} under the
 * current span, woven by {@code llmops-agent} like the other {@code @Track*} annotations
 * (arguments, return value as output; an exception marks the span failed and is rethrown
 * unchanged). Without the agent, use {@link Transactions#call} or {@link
 * Transactions#transaction} with try-with-resources.
 *
 * <pre>{@code
 * @TrackTransaction(name = "tx_decorated", metadata = {"source=orders"})
 * String runBusinessStep() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackTransaction {

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
}
