package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.SpanType;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;
import io.llmops.observability.TrackTransaction;
import io.llmops.observability.spi.MetadataValues;
import io.llmops.observability.spi.SdkLog;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * What one annotated bean method records, read once from its annotation, with the agent's rules
 * (docs/AGENT.md, "What is woven"): the first annotation of the agent's order wins, metadata
 * values are typed as the agent types them, the prompt of a {@code @TrackLlmCall} is the
 * parameter named {@code prompt}, else the first {@code String} one. Internal.
 */
record TrackedBeanMethod(
    String where,
    String spanName,
    SpanType type,
    Map<String, Object> metadata,
    List<String> tags,
    boolean captureArgs,
    boolean captureOutput,
    boolean captureSelf,
    boolean isVoid,
    String[] parameterNames,
    String model,
    String promptName,
    int promptVersion,
    int promptIndex) {

  /** The annotations the interceptor applies, in the agent's order of precedence. */
  static final List<Class<? extends Annotation>> APPLIED = List.of(TrackLlmCall.class,
      TrackLlmAgent.class, TrackLlmTool.class, TrackFunction.class, TrackTransaction.class);

  private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  /** The annotation that defines {@code method}'s span, or null. */
  static Annotation annotationOf(Method method) {
    Annotation found = null;
    int count = 0;
    for (Class<? extends Annotation> type : APPLIED) {
      Annotation candidate = AnnotationUtils.findAnnotation(method, type);
      if (candidate != null) {
        count++;
        found = found == null ? candidate : found;
      }
    }
    if (count > 1) {
      SdkLog.warn("llmops: " + where(method) + " carries several tracking annotations; only @"
          + found.annotationType().getSimpleName() + " is applied");
    }
    return found;
  }

  static TrackedBeanMethod of(Method method, Annotation annotation) {
    Map<String, Object> values = AnnotationUtils.getAnnotationAttributes(annotation);
    String where = where(method);
    SpanType type = typeOf(annotation);
    boolean llmCall = type == SpanType.GENERATION;
    String name = (String) values.get("name");
    String[] names = NAMES.getParameterNames(method);
    if (values.containsKey("captureLocals") && ((String[]) values.get("captureLocals")).length > 0) {
      SdkLog.warnOnce("spring-locals-" + where, "llmops: " + where + " asks for captureLocals,"
          + " which Spring AOP cannot see (a proxy sees only arguments and the result); use the"
          + " agent for local variables");
    }
    return new TrackedBeanMethod(
        where,
        name.isEmpty() ? method.getName() : name,
        type,
        metadata((String[]) values.get("metadata"), where),
        tags((String[]) values.get("tags"), where),
        (Boolean) values.get("captureArgs"),
        (Boolean) values.get("captureOutput"),
        Boolean.TRUE.equals(values.get("captureSelf")) && !Modifier.isStatic(method.getModifiers()),
        method.getReturnType() == void.class,
        names,
        llmCall ? (String) values.get("model") : "",
        llmCall ? promptName(values, where) : "",
        llmCall ? (Integer) values.get("promptVersion") : 0,
        llmCall ? promptIndex(method, names) : -1);
  }

  boolean isLlmCall() {
    return type == SpanType.GENERATION;
  }

  private static SpanType typeOf(Annotation annotation) {
    Class<? extends Annotation> type = annotation.annotationType();
    if (type == TrackLlmCall.class) {
      return SpanType.GENERATION;
    } else if (type == TrackLlmAgent.class) {
      return SpanType.AGENT;
    } else if (type == TrackLlmTool.class) {
      return SpanType.TOOL;
    } else if (type == TrackTransaction.class) {
      return SpanType.TRANSACTION;
    }
    return SpanType.SPAN;
  }

  /** The managed prompt's name when name and version are both valid, else "" (warned). */
  private static String promptName(Map<String, Object> values, String where) {
    String name = ((String) values.get("promptName")).strip();
    int version = (Integer) values.get("promptVersion");
    if (name.isEmpty() && version == 0) {
      return "";
    }
    if (name.isEmpty() || version < 1) {
      SdkLog.warn("llmops: " + where + " needs both promptName and a promptVersion of at least 1;"
          + " the prompt link is left out");
      return "";
    }
    return name;
  }

  private static int promptIndex(Method method, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals("prompt")) {
          return i;
        }
      }
    }
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] == String.class || parameters[i] == CharSequence.class) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> metadata(String[] entries, String where) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (key.isEmpty()) {
        SdkLog.warn("llmops: " + where + ": metadata entry '" + entry
            + "' is not key=value; it is ignored");
        continue;
      }
      metadata.put(key, MetadataValues.typed(entry.substring(equals + 1).trim()));
    }
    return Collections.unmodifiableMap(metadata);
  }

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

  private static String where(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }
}
