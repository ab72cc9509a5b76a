package io.llmops.observability;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each call of the method as a call to another service that records its own part of
 * the trace: the method runs as an {@link ExternalCall} named after the method, so {@link
 * TraceHeaders#current()} or {@link TraceHeaders#inject} inside it give the headers to send.
 * Returning normally means the service answered; an exception means it did not (then the trace
 * does not wait for the service's segment). Woven by the agent, like {@link TrackFunction}.
 *
 * <pre>{@code
 * @TrackExternalService(serviceName = "user_service", transport = "http")
 * Profile profile(String userId) throws IOException, InterruptedException {
 *   HttpRequest.Builder request = HttpRequest.newBuilder(profileUri(userId));
 *   TraceHeaders.inject(request::header);
 *   return Profile.parse(http.send(request.build(), BodyHandlers.ofString()).body());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackExternalService {

  /** The called service ({@code external.service}). */
  String serviceName();

  /** How it is reached ({@code external.transport}). */
  String transport() default "http";

  /** The span's name; the method's name when empty. */
  String name() default "";

  /** Records the arguments as the span's input. */
  boolean captureArgs() default true;

  /** Records the return value as the span's output. */
  boolean captureOutput() default true;
}
