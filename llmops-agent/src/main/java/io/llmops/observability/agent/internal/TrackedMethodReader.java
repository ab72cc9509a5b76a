package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.MetadataValues;
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
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.MethodNode;

/** Turns a method's annotation into a {@link TrackedMethod}, at weaving time. Internal. */
final class TrackedMethodReader {

  private TrackedMethodReader() {}

  /** The settings of {@code method}, one of {@code owner}'s (internal name) with an annotation. */
  static TrackedMethod read(String owner, MethodNode method) {
    AnnotationValues annotation = null;
    AnnotationValues resume = null;
    int found = 0;
    for (AnnotationNode node : method.visibleAnnotations == null
        ? List.<AnnotationNode>of() : method.visibleAnnotations) {
      AnnotationValues candidate = new AnnotationValues(node);
      if (candidate.typeName.equals(TrackedAnnotations.RESUME)) {
        resume = candidate;
        continue;
      }
      if (typeOf(candidate.typeName) == null) {
        continue;
      }
      found++;
      if (annotation == null || rank(candidate.typeName) < rank(annotation.typeName)) {
        annotation = candidate;
      }
    }
    String ownerName = owner.replace('/', '.');
    if (found > 1) {
      SdkLog.warn("llmops-agent: " + ownerName + "#" + method.name
          + " carries several tracking annotations; only @" + annotation.simpleName()
          + " is applied");
    }
    if (annotation == null) { // @ResumeExternalService alone: its own span, as @TrackFunction's
      annotation = resume;
    }
    String annotationName = annotation.typeName;
    SpanType type = annotationName.equals(TrackedAnnotations.RESUME) ? SpanType.SPAN
        : typeOf(annotationName);
    boolean external = annotationName.equals(TrackedAnnotations.EXTERNAL_SERVICE);
    String where = ownerName + "#" + method.name;
    String name = annotation.string("name");
    String spanName = name.isEmpty() ? method.name : name;
    boolean llmCall = type == SpanType.GENERATION;
    Type[] parameters = Type.getArgumentTypes(method.desc);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    String[] names = ParameterNames.of(method, parameters, isStatic);
    List<String> evals = llmCall ? new ArrayList<>(Arrays.asList(annotation.strings("evals"))) : List.of();
    if (llmCall && annotation.bool("evaluation") && !evals.contains("correctness")) {
      evals.add("correctness");
    }
    PromptLink promptLink = llmCall && annotation.has("promptName")
        ? promptLink(annotation.string("promptName"), annotation.integer("promptVersion"), where)
        : null;
    double sampleRate = llmCall ? annotation.number("sampleRate") : 1.0;
    if (!(sampleRate >= 0.0 && sampleRate <= 1.0)) {
      SdkLog.warn("llmops-agent: " + where + " has sampleRate " + sampleRate
          + ", outside 0.0..1.0; using " + (sampleRate > 1.0 ? "1.0" : "0.0"));
      sampleRate = sampleRate > 1.0 ? 1.0 : 0.0;
    }
    return new TrackedMethod(
        ownerName,
        method.name,
        spanName,
        type.name(),
        annotation.has("metadata") ? typed(keyValues(annotation.strings("metadata"), where)) : Map.of(),
        annotation.has("tags") ? tags(annotation.strings("tags"), where) : List.of(),
        annotation.bool("captureArgs"),
        annotation.bool("captureOutput"),
        annotation.has("captureSelf") && annotation.bool("captureSelf"),
        isStatic,
        Type.getReturnType(method.desc).getSort() == Type.VOID,
        names,
        llmCall ? annotation.string("model") : "",
        promptLink,
        llmCall ? promptIndex(parameters, names) : -1,
        Collections.unmodifiableList(evals),
        sampleRate,
        llmCall ? keyValues(annotation.strings("evaluationMetadata"), where) : Map.of(),
        external ? nonBlank(annotation, "serviceName", method.name, where) : null,
        external ? nonBlank(annotation, "transport", "http", where) : null,
        resume == null ? null : segmentName(resume.string("name"), spanName));
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
  private static String nonBlank(AnnotationValues annotation, String property,
      String fallback, String where) {
    String value = annotation.string(property);
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

  private static int promptIndex(Type[] parameters, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals("prompt")) {
          return i;
        }
      }
    }
    for (int i = 0; i < parameters.length; i++) {
      String type = parameters[i].getDescriptor();
      if (type.equals("Ljava/lang/String;") || type.equals("Ljava/lang/CharSequence;")) {
        return i;
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
}
