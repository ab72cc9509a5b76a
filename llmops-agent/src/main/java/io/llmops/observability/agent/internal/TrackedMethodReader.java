package io.llmops.observability.agent.internal;

import io.llmops.observability.SpanType;
import io.llmops.observability.spi.SdkLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.description.type.TypeDescription;

/** Turns a method's annotation into a {@link TrackedMethod}, at weaving time. Internal. */
final class TrackedMethodReader {

  private TrackedMethodReader() {}

  static TrackedMethod read(MethodDescription method) {
    AnnotationDescription annotation = null;
    AnnotationDescription resume = null;
    int found = 0;
    for (AnnotationDescription candidate : method.getDeclaredAnnotations()) {
      String candidateName = candidate.getAnnotationType().getName();
      if (candidateName.equals(TrackedAnnotations.RESUME)) {
        resume = candidate;
        continue;
      }
      if (typeOf(candidateName) == null) {
        continue;
      }
      found++;
      if (annotation == null || rank(candidateName) < rank(annotation.getAnnotationType().getName())) {
        annotation = candidate;
      }
    }
    String owner = method.getDeclaringType().asErasure().getName();
    if (found > 1) {
      SdkLog.warn("llmops-agent: " + owner + "#" + method.getName()
          + " carries several tracking annotations; only @" + annotation.getAnnotationType().getSimpleName()
          + " is applied");
    }
    if (annotation == null) { // @ResumeExternalService alone: its own span, as @TrackFunction's
      annotation = resume;
    }
    String annotationName = annotation.getAnnotationType().getName();
    SpanType type = annotationName.equals(TrackedAnnotations.RESUME) ? SpanType.SPAN
        : typeOf(annotationName);
    boolean external = annotationName.equals(TrackedAnnotations.EXTERNAL_SERVICE);
    String where = owner + "#" + method.getName();
    String name = string(annotation, "name");
    String spanName = name.isEmpty() ? method.getName() : name;
    boolean llmCall = type == SpanType.GENERATION;
    String[] names = parameterNames(method.getParameters());
    List<String> evals = llmCall ? new ArrayList<>(Arrays.asList(strings(annotation, "evals"))) : List.of();
    if (llmCall && bool(annotation, "evaluation") && !evals.contains("correctness")) {
      evals.add("correctness");
    }
    PromptLink promptLink = llmCall && has(annotation, "promptName")
        ? promptLink(string(annotation, "promptName"), integer(annotation, "promptVersion"), where)
        : null;
    double sampleRate = llmCall ? number(annotation, "sampleRate") : 1.0;
    if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
      SdkLog.warn("llmops-agent: " + where + " has sampleRate " + sampleRate
          + ", outside 0.0..1.0; using " + (sampleRate > 1.0 ? "1.0" : "0.0"));
      sampleRate = sampleRate > 1.0 ? 1.0 : 0.0;
    }
    return new TrackedMethod(
        owner,
        method.getName(),
        spanName,
        type,
        has(annotation, "metadata") ? typed(keyValues(strings(annotation, "metadata"), where)) : Map.of(),
        has(annotation, "tags") ? tags(strings(annotation, "tags"), where) : List.of(),
        bool(annotation, "captureArgs"),
        bool(annotation, "captureOutput"),
        has(annotation, "captureSelf") && bool(annotation, "captureSelf"),
        method.isStatic(),
        method.getReturnType().represents(void.class),
        names,
        llmCall ? string(annotation, "model") : "",
        promptLink,
        llmCall ? promptIndex(method.getParameters(), names) : -1,
        Collections.unmodifiableList(evals),
        sampleRate,
        llmCall ? keyValues(strings(annotation, "evaluationMetadata"), where) : Map.of(),
        external ? nonBlank(annotation, "serviceName", method.getName(), where) : null,
        external ? nonBlank(annotation, "transport", "http", where) : null,
        resume == null ? null : segmentName(string(resume, "name"), spanName));
  }

  /**
   * The managed prompt named by {@code promptName} and {@code promptVersion}, or null when none
   * is, or (with a warning) when only one part is valid: a link needs both.
   */
  private static PromptLink promptLink(String name, int version, String where) {
    boolean named = !name.isBlank();
    if (!named && version == 0) {
      return null;
    }
    if (!named) {
      SdkLog.warn("llmops-agent: " + where + " has a promptVersion but a blank promptName;"
          + " the prompt link is left out");
      return null;
    }
    if (version < 1) {
      SdkLog.warn("llmops-agent: " + where + " has a promptName but no promptVersion of at"
          + " least 1; the prompt link is left out");
      return null;
    }
    return new PromptLink(name.strip(), version);
  }

  /** The segment is named by {@code @ResumeExternalService}, else as the method's span. */
  private static String segmentName(String written, String spanName) {
    return written.isBlank() ? spanName : written.strip();
  }

  /** The property's value, trimmed; {@code fallback} (with a warning) when it is blank. */
  private static String nonBlank(AnnotationDescription annotation, String property,
      String fallback, String where) {
    String value = string(annotation, property);
    if (value.isBlank()) {
      SdkLog.warn("llmops-agent: " + where + " has a blank " + property + "; '" + fallback
          + "' is used");
      return fallback;
    }
    return value.strip();
  }

  static SpanType typeOf(String annotationName) {
    switch (annotationName) {
      case TrackedAnnotations.LLM_CALL:
        return SpanType.GENERATION;
      case TrackedAnnotations.AGENT:
        return SpanType.AGENT;
      case TrackedAnnotations.TOOL:
        return SpanType.TOOL;
      case TrackedAnnotations.FUNCTION:
      case TrackedAnnotations.EXTERNAL_SERVICE:
        return SpanType.SPAN;
      case TrackedAnnotations.TRANSACTION:
        return SpanType.TRANSACTION;
      default:
        return null;
    }
  }

  private static int rank(String annotationName) {
    switch (annotationName) {
      case TrackedAnnotations.LLM_CALL:
        return 0;
      case TrackedAnnotations.AGENT:
        return 1;
      case TrackedAnnotations.TOOL:
        return 2;
      case TrackedAnnotations.EXTERNAL_SERVICE:
        return 3;
      default:
        return 4;
    }
  }

  /** Names from {@code -parameters} or the local variable table, else null (positional). */
  private static String[] parameterNames(ParameterList<?> parameters) {
    String[] names = new String[parameters.size()];
    for (ParameterDescription parameter : parameters) {
      if (!parameter.isNamed()) {
        return null;
      }
      names[parameter.getIndex()] = parameter.getName();
    }
    return names;
  }

  private static int promptIndex(ParameterList<?> parameters, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals("prompt")) {
          return i;
        }
      }
    }
    for (ParameterDescription parameter : parameters) {
      TypeDescription type = parameter.getType().asErasure();
      if (type.represents(String.class) || type.represents(CharSequence.class)) {
        return parameter.getIndex();
      }
    }
    return -1;
  }

  static Map<String, String> keyValues(String[] entries, String where) {
    if (entries.length == 0) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (key.isEmpty()) {
        SdkLog.warn("llmops-agent: " + where + ": metadata entry '" + entry
            + "' is not key=value; it is ignored");
        continue;
      }
      map.put(key, entry.substring(equals + 1).trim());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The entries' values as {@link MetadataValues#typed} reads them. */
  private static Map<String, Object> typed(Map<String, String> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    entries.forEach((key, text) -> typed.put(key, MetadataValues.typed(text)));
    return Collections.unmodifiableMap(typed);
  }

  /** The tags trimmed, each once, in the order written; blank ones are skipped with a warning. */
  private static List<String> tags(String[] written, String where) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : written) {
      if (tag.isBlank()) {
        SdkLog.warn("llmops-agent: " + where + " has a blank tag; it is ignored");
      } else {
        tags.add(tag.strip());
      }
    }
    return List.copyOf(tags);
  }

  /** Whether the annotation type declares {@code property} (@TrackTransaction has fewer). */
  private static boolean has(AnnotationDescription annotation, String property) {
    return !annotation.getAnnotationType().getDeclaredMethods()
        .filter(net.bytebuddy.matcher.ElementMatchers.named(property)).isEmpty();
  }

  private static AnnotationValue<?, ?> value(AnnotationDescription annotation, String property) {
    return annotation.getValue(property);
  }

  private static String string(AnnotationDescription annotation, String property) {
    return value(annotation, property).resolve(String.class);
  }

  private static String[] strings(AnnotationDescription annotation, String property) {
    return value(annotation, property).resolve(String[].class);
  }

  private static boolean bool(AnnotationDescription annotation, String property) {
    return value(annotation, property).resolve(Boolean.class);
  }

  private static int integer(AnnotationDescription annotation, String property) {
    return value(annotation, property).resolve(Integer.class);
  }

  private static double number(AnnotationDescription annotation, String property) {
    return value(annotation, property).resolve(Double.class);
  }
}
