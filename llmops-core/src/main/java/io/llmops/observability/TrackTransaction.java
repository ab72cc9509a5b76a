package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose calls are transactions: spans of type {@code transaction}, as recorded
 * by {@link Transactions#call}. The return value is the output; an exception marks the
 * transaction failed and is rethrown unchanged.
 *
 * <p><b>Not yet woven:</b> this release declares the annotation, but {@code llmops-agent} does
 * not instrument it yet. Until it does, call {@link Transactions#call} or use {@link
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

  /** Metadata entries as {@code "key=value"} strings. */
  String[] metadata() default {};

  /** Whether arguments are recorded ({@code input_data.args}/{@code kwargs}). */
  boolean captureArgs() default true;

  /** Whether the return value is recorded ({@code output_data.output}). */
  boolean captureOutput() default true;
}
