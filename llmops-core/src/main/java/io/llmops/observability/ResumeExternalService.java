package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each call of a request handler as the work its caller asked for: a child segment of
 * the caller's trace when the request carries this SDK's trace headers ({@link TraceHeaders}),
 * sent when the method returns. The headers are read from the first argument that carries them:
 * a {@code Map} of headers (names matched without regard to case, values strings or lists), or
 * an object with a public {@code String getHeader(String)} method (a servlet request) or a public
 * {@code getRequestHeaders()} or {@code getHeaders()} method returning such a map (the JDK's
 * {@code HttpExchange}, Spring's request types). When a trace is already active (the SDK's
 * inbound HTTP filter resumed it, say), the method is recorded as a span of it, never as a second
 * envelope; without valid headers, as with {@link TrackFunction}. Woven by the agent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResumeExternalService {

  /** The segment's and the span's name; the method's name when empty. */
  String name() default "";

  /** Records the arguments as the span's input. */
  boolean captureArgs() default true;

  /** Records the return value as the span's output. */
  boolean captureOutput() default true;
}
