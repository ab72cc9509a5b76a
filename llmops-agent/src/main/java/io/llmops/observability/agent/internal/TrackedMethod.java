package io.llmops.observability.agent.internal;

import io.llmops.observability.SpanType;
import java.util.List;
import java.util.Map;

/**
 * What one annotated method records, read once from its annotation when it is woven. Internal.
 *
 * @param metadata the annotation's metadata entries, values typed by {@link MetadataValues}
 * @param tags the annotation's tags, trimmed, each once
 * @param parameterNames the parameter names, or null when the class file does not have them
 * @param promptIndex for {@code @TrackLlmCall}, the argument recorded as the prompt, or -1
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
    int promptIndex,
    List<String> evals,
    double sampleRate,
    Map<String, String> evaluationMetadata) {

  boolean isLlmCall() {
    return type == SpanType.GENERATION;
  }

  String where() {
    return owner + "#" + methodName;
  }
}
