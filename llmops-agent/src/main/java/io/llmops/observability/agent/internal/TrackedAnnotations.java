package io.llmops.observability.agent.internal;

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

  /** Internal names (slashes) of the annotations with {@code captureLocals}, for the ASM pass. */
  static final String[] DESCRIPTORS = {
      "L" + LLM_CALL.replace('.', '/') + ";", "L" + AGENT.replace('.', '/') + ";",
      "L" + TOOL.replace('.', '/') + ";", "L" + FUNCTION.replace('.', '/') + ";"};

  private TrackedAnnotations() {}
}
