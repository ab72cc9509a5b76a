package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.MetadataValues;
import io.llmops.observability.SpanType;
import java.util.List;
import java.util.Map;

/**
 * What one annotated method records, read once from its annotation when it is woven. Internal.
 *
 * @param metadata the annotation's metadata entries, values typed by {@link MetadataValues}
 * @param tags the annotation's tags, trimmed, each once
 * @param parameterNames the parameter names, or null when the class file does not have them
 * @param promptLink for {@code @TrackLlmCall}, the managed prompt it names; else null
 * @param promptIndex for {@code @TrackLlmCall}, the argument recorded as the prompt, or -1
 * @param serviceName for {@code @TrackExternalService}, the called service; else null
 * @param transport for {@code @TrackExternalService}, how the service is reached; else null
 * @param segmentName for {@code @ResumeExternalService}, the name of the child segment the
 *     method records when its caller's headers come with it; else null
 */
record TrackedMethod(
    String owner,
    String methodName,
    String spanName,
    SpanType type,
    Map<String, Object> metadata,
    List<String> tags,
    boolean captureArgs,
    boolean captureOutput,
    boolean captureSelf,
    boolean isStatic,
    boolean isVoid,
    String[] parameterNames,
    String model,
    PromptLink promptLink,
    int promptIndex,
    List<String> evals,
    double sampleRate,
    Map<String, String> evaluationMetadata,
    String serviceName,
    String transport,
    String segmentName) {

  boolean isLlmCall() {
    return type == SpanType.GENERATION;
  }

  /** Runs as an {@code ExternalCall} to {@link #serviceName}. */
  boolean callsExternalService() {
    return serviceName != null;
  }

  /** Resumes its caller's trace as a child segment when it is not inside a trace already. */
  boolean resumesSegment() {
    return segmentName != null;
  }

  String where() {
    return owner + "#" + methodName;
  }
}
