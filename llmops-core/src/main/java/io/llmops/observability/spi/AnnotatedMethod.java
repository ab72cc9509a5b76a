package io.llmops.observability.spi;

import io.llmops.observability.SpanType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code @Track*}-annotated method records, read once from its annotation by whatever
 * applies the annotations (the agent from the class file, Spring AOP by reflection), with the
 * agent's rules (docs/AGENT.md, "What is woven"); {@link AnnotatedCall} records each call of it.
 * Immutable as long as the collections and the array given to it are not changed.
 *
 * @param where the method, as {@code Owner#name}, for log lines
 * @param spanName the span's name
 * @param type the span's type
 * @param metadata the annotation's metadata entries, values typed by {@link MetadataValues}
 * @param tags the annotation's tags, trimmed, each once
 * @param captureArgs record the arguments
 * @param captureOutput record the return value
 * @param captureSelf record the receiver's fields (false for static methods)
 * @param isVoid the method returns nothing
 * @param parameterNames the parameter names, or null when they are not known (positional)
 * @param model for {@code @TrackLlmCall}, the annotation's model ("" for the configured
 *     default); else ""
 * @param promptName for {@code @TrackLlmCall}, the managed prompt's name, or "" for none
 * @param promptVersion the managed prompt's version (meaningful with a name)
 * @param promptIndex for {@code @TrackLlmCall}, the argument recorded as the prompt, or -1
 * @param evaluation for {@code @TrackLlmCall}, its evaluation attributes; else {@link
 *     EvaluationSettings#NONE}
 * @param serviceName for {@code @TrackExternalService}, the called service; else null
 * @param transport for {@code @TrackExternalService}, how the service is reached; else null
 * @param segmentName for {@code @ResumeExternalService}, the name of the child segment the
 *     method records when its caller's headers come with it; else null
 */
public record AnnotatedMethod(
    String where,
    String spanName,
    SpanType type,
    Map<String, Object> metadata,
    List<String> tags,
    boolean captureArgs,
    boolean captureOutput,
    boolean captureSelf,
    boolean isVoid,
    String @Nullable [] parameterNames,
    String model,
    String promptName,
    int promptVersion,
    int promptIndex,
    EvaluationSettings evaluation,
    @Nullable String serviceName,
    @Nullable String transport,
    @Nullable String segmentName) {

  /** A {@code @TrackLlmCall}: model, prompt, response and evaluation hand-off. */
  public boolean isLlmCall() {
    return type == SpanType.GENERATION;
  }

  /** Runs as an {@code ExternalCall} to {@link #serviceName}. */
  public boolean callsExternalService() {
    return serviceName != null;
  }

  /** Resumes its caller's trace as a child segment when it is not inside a trace already. */
  public boolean resumesSegment() {
    return segmentName != null;
  }

  /** The arguments' names, or null when not known for these arguments (positional). */
  String @Nullable [] namesOf(Object[] arguments) {
    return parameterNames != null && parameterNames.length == arguments.length
        ? parameterNames : null;
  }

  /** The arguments by name where known, else in order; null for none: a child segment's input. */
  @Nullable Object namedArguments(Object @Nullable [] arguments) {
    if (arguments == null || arguments.length == 0) {
      return null;
    }
    String[] names = namesOf(arguments);
    if (names == null) {
      return Arrays.asList(arguments);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      named.put(names[i], arguments[i]);
    }
    return named;
  }
}
