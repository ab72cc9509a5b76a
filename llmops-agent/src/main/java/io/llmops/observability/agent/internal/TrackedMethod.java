package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.MetadataValues;
import io.llmops.observability.spi.MethodShape;
import java.util.List;
import java.util.Map;

/**
 * What one annotated method records, read once from its annotation when it is woven. Public
 * because the runtimes of other class loaders ({@link RuntimeLoader}) read it: internal.
 *
 * <p>Made of JDK types only: this record is shared by the runtimes of every class loader, each
 * linked against a core of its own ({@link RuntimeLoader}); the span type is kept by name.
 *
 * @param typeName the {@code SpanType}'s name
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
public record TrackedMethod(
    String owner,
    String methodName,
    String spanName,
    String typeName,
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

  /** The JDK-typed copy of what the core's rules read of {@code owner}'s method {@code shape}. */
  static TrackedMethod of(String owner, MethodShape shape, AnnotatedMethod read) {
    return new TrackedMethod(owner, shape.name(), read.spanName(), read.type().name(),
        read.metadata(), read.tags(), read.captureArgs(), read.captureOutput(), read.captureSelf(),
        shape.isStatic(), read.isVoid(), read.parameterNames(), read.model(),
        read.promptName().isEmpty() ? null : new PromptLink(read.promptName(), read.promptVersion()),
        read.promptIndex(), read.evaluation().criteria(), read.evaluation().sampleRate(),
        read.evaluation().metadata(), read.serviceName(), read.transport(), read.segmentName());
  }

  public boolean isLlmCall() {
    return typeName.equals("GENERATION");
  }

  /** Runs as an {@code ExternalCall} to {@link #serviceName}. */
  public boolean callsExternalService() {
    return serviceName != null;
  }

  /** Resumes its caller's trace as a child segment when it is not inside a trace already. */
  public boolean resumesSegment() {
    return segmentName != null;
  }

  public String where() {
    return owner + "#" + methodName;
  }
}
