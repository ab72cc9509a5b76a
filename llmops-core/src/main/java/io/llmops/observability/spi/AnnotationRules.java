package io.llmops.observability.spi;

import io.llmops.observability.SpanType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one set of rules (docs/AGENT.md, "Attributes") that turns a {@code @Track*} annotation's
 * values as written into an {@link AnnotatedMethod}, for every reader of annotations: the agent
 * hands it the values of the class file, Spring AOP those of reflection. Each warning names the
 * method and what is wrong; no value is echoed but the annotation's own text. Thread-safe.
 */
public final class AnnotationRules {

  private static final String EXTERNAL_SERVICE = "io.llmops.observability.TrackExternalService";

  private static final String[] NONE = new String[0];

  private AnnotationRules() {}

  /**
   * The settings of {@code method}, from the annotation of type {@code annotationType} (a class
   * name) that defines its span. {@code attributes} gives each attribute's value as written, else
   * its default: a {@code String}, {@code String[]}, {@code Boolean} or {@code Number}, or null when
   * the annotation type has no such attribute. {@code resumeName} is the {@code name} of the
   * method's {@code @ResumeExternalService}, or null when it has none.
   */
  public static AnnotatedMethod read(MethodShape method, String annotationType,
      Function<String, @Nullable Object> attributes, @Nullable String resumeName) {
    SpanType type = TrackingAnnotations.spanTypeOf(annotationType);
    boolean llmCall = type == SpanType.GENERATION;
    boolean external = annotationType.equals(EXTERNAL_SERVICE);
    String where = method.where();
    String name = string(attributes, "name");
    String spanName = name.isEmpty() ? method.name() : name;
    String promptName = llmCall ? string(attributes, "promptName").strip() : "";
    int promptVersion = llmCall ? number(attributes, "promptVersion", 0).intValue() : 0;
    boolean linked = llmCall && promptLinked(promptName, promptVersion, where);
    return new AnnotatedMethod(
        where,
        spanName,
        type,
        MetadataValues.typedEntries(strings(attributes, "metadata"), where),
        tags(strings(attributes, "tags"), where),
        bool(attributes, "captureArgs"),
        bool(attributes, "captureOutput"),
        bool(attributes, "captureSelf") && !method.isStatic(),
        method.isVoid(),
        method.parameterNames(),
        llmCall ? string(attributes, "model") : "",
        linked ? promptName : "",
        linked ? promptVersion : 0,
        llmCall ? promptIndex(method) : -1,
        llmCall ? evaluation(attributes, where) : EvaluationSettings.NONE,
        external ? nonBlank(string(attributes, "serviceName"), "serviceName", method.name(), where)
            : null,
        external ? nonBlank(string(attributes, "transport"), "transport", "http", where) : null,
        resumeName == null ? null : segmentName(resumeName, spanName));
  }

  private static EvaluationSettings evaluation(Function<String, @Nullable Object> attributes,
      String where) {
    return EvaluationSettings.read(where, strings(attributes, "evals"),
        bool(attributes, "evaluation"), number(attributes, "sampleRate", 1.0).doubleValue(),
        strings(attributes, "evaluationMetadata"));
  }

  /**
   * Whether the managed prompt named is linked: both a name and a version of at least 1; half a
   * link is left out with a warning saying which half is missing.
   */
  private static boolean promptLinked(String name, int version, String where) {
    if (name.isEmpty() && version == 0) {
      return false;
    }
    if (name.isEmpty()) {
      SdkLog.warn("llmops: " + where + " has a promptVersion but a blank promptName;"
          + " the prompt link is left out");
      return false;
    }
    if (version < 1) {
      SdkLog.warn("llmops: " + where + " has a promptName but no promptVersion of at least 1;"
          + " the prompt link is left out");
      return false;
    }
    return true;
  }

  /** The argument recorded as the prompt: the parameter named {@code prompt}, else the first text. */
  private static int promptIndex(MethodShape method) {
    String[] names = method.parameterNames();
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals("prompt")) {
          return i;
        }
      }
    }
    String[] types = method.parameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (types[i].equals("java.lang.String") || types[i].equals("java.lang.CharSequence")) {
        return i;
      }
    }
    return -1;
  }

  /** The segment is named by {@code @ResumeExternalService}, else as the method's span. */
  private static String segmentName(String written, String spanName) {
    return written.isBlank() ? spanName : written.strip();
  }

  /** The value, trimmed; {@code fallback} (with a warning) when it is blank. */
  private static String nonBlank(String value, String attribute, String fallback, String where) {
    if (value.isBlank()) {
      SdkLog.warn("llmops: " + where + " has a blank " + attribute + "; '" + fallback
          + "' is used");
      return fallback;
    }
    return value.strip();
  }

  /** The tags trimmed, each once, in the order written; blank ones are skipped with a warning. */
  private static List<String> tags(String[] written, String where) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : written) {
      if (tag.isBlank()) {
        SdkLog.warn("llmops: " + where + " has a blank tag; it is skipped");
      } else {
        tags.add(tag.strip());
      }
    }
    return List.copyOf(tags);
  }

  private static String string(Function<String, @Nullable Object> attributes, String name) {
    return attributes.apply(name) instanceof String value ? value : "";
  }

  private static String[] strings(Function<String, @Nullable Object> attributes, String name) {
    return attributes.apply(name) instanceof String[] values ? values : NONE;
  }

  private static boolean bool(Function<String, @Nullable Object> attributes, String name) {
    return Boolean.TRUE.equals(attributes.apply(name));
  }

  private static Number number(Function<String, @Nullable Object> attributes, String name,
      Number fallback) {
    return attributes.apply(name) instanceof Number value ? value : fallback;
  }
}
