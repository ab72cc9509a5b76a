package io.llmops.observability.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Names of the annotations the agent weaves, in the order they win on one method ({@link
 * #RESUME} aside: it combines with any of the others). Internal.
 */
final class TrackedAnnotations {

  static final String LLM_CALL = "io.llmops.observability.TrackLlmCall";
  static final String AGENT = "io.llmops.observability.TrackLlmAgent";
  static final String TOOL = "io.llmops.observability.TrackLlmTool";
  static final String FUNCTION = "io.llmops.observability.TrackFunction";
  static final String TRANSACTION = "io.llmops.observability.TrackTransaction";
  static final String EXTERNAL_SERVICE = "io.llmops.observability.TrackExternalService";
  /** Not a span kind of its own: it adds a child segment around the method's span. */
  static final String RESUME = "io.llmops.observability.ResumeExternalService";

  /** Matched by name so that nothing here loads the annotation classes. */
  static final ElementMatcher.Junction<MethodDescription> ANY =
      isAnnotatedWith(named(LLM_CALL)).or(isAnnotatedWith(named(AGENT)))
          .or(isAnnotatedWith(named(TOOL))).or(isAnnotatedWith(named(FUNCTION)))
          .or(isAnnotatedWith(named(TRANSACTION))).or(isAnnotatedWith(named(EXTERNAL_SERVICE)))
          .or(isAnnotatedWith(named(RESUME)));

  /** Internal names (slashes) of the annotations with {@code captureLocals}, for the ASM pass. */
  static final String[] DESCRIPTORS = {
      "L" + LLM_CALL.replace('.', '/') + ";", "L" + AGENT.replace('.', '/') + ";",
      "L" + TOOL.replace('.', '/') + ";", "L" + FUNCTION.replace('.', '/') + ";"};

  private TrackedAnnotations() {}
}
