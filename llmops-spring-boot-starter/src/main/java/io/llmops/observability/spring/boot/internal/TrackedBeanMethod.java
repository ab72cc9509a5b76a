package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.ResumeExternalService;
import io.llmops.observability.SpanType;
import io.llmops.observability.TrackExternalService;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;
import io.llmops.observability.TrackTransaction;
import io.llmops.observability.spi.EvaluationSettings;
import io.llmops.observability.spi.MetadataValues;
import io.llmops.observability.spi.SdkLog;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * What one annotated bean method records, read once from its annotation, with the agent's rules
 * (docs/AGENT.md, "What is woven"): the first annotation of the agent's order wins, metadata
 * values are typed as the agent types them, the prompt of a {@code @TrackLlmCall} is the
 * parameter named {@code prompt}, else the first {@code String} one. {@code @ResumeExternalService}
 * combines with any of them ({@code segmentName}, null without it); {@code @TrackExternalService}
 * gives {@code externalService}. Internal.
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
    int promptIndex,
    EvaluationSettings evaluation,
    @Nullable ExternalService externalService,
    @Nullable String segmentName) {

  /** The called service of a {@code @TrackExternalService} method. */
  record ExternalService(String serviceName, String transport) {}

  /** The annotations the interceptor applies, in the agent's order of precedence. */
  static final List<Class<? extends Annotation>> APPLIED = List.of(TrackLlmCall.class,
      TrackLlmAgent.class, TrackLlmTool.class, TrackExternalService.class, TrackFunction.class,
      TrackTransaction.class);

  private static final String[] NONE = new String[0];

  private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  /**
   * The annotation that defines {@code method}'s span, or null: the first of {@link #APPLIED},
   * else {@code @ResumeExternalService} alone.
   */
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
    return found != null ? found : AnnotationUtils.findAnnotation(method, ResumeExternalService.class);
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
        metadata((String[]) values.getOrDefault("metadata", NONE), where),
        tags((String[]) values.getOrDefault("tags", NONE), where),
        (Boolean) values.get("captureArgs"),
        (Boolean) values.get("captureOutput"),
        Boolean.TRUE.equals(values.get("captureSelf")) && !Modifier.isStatic(method.getModifiers()),
        method.getReturnType() == void.class,
        names,
        llmCall ? (String) values.get("model") : "",
        llmCall ? promptName(values, where) : "",
        llmCall ? (Integer) values.get("promptVersion") : 0,
        llmCall ? promptIndex(method, names) : -1,
        annotation instanceof TrackLlmCall call ? evaluation(call, where) : EvaluationSettings.NONE,
        annotation instanceof TrackExternalService external ? externalService(external, method) : null,
        segmentName(method));
  }

  /** The arguments by name (in order when the names are not known), or null for none. */
  @Nullable Object namedArguments(Object[] arguments) {
    if (arguments.length == 0) {
      return null;
    }
    if (parameterNames == null || parameterNames.length != arguments.length) {
      return Arrays.asList(arguments);
    }
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < arguments.length; i++) {
      named.put(parameterNames[i], arguments[i]);
    }
    return named;
  }

  private static EvaluationSettings evaluation(TrackLlmCall call, String where) {
    return EvaluationSettings.read(where, call.evals(), call.evaluation(), call.sampleRate(),
        call.evaluationMetadata());
  }

  /** A blank service or transport is replaced, with a warning, as the agent does. */
  private static ExternalService externalService(TrackExternalService annotation, Method method) {
    String service = annotation.serviceName().strip();
    String transport = annotation.transport().strip();
    if (service.isEmpty() || transport.isEmpty()) {
      SdkLog.warn("llmops: " + where(method) + " has a blank serviceName or transport; the method"
          + " name and http are used");
    }
    return new ExternalService(service.isEmpty() ? method.getName() : service,
        transport.isEmpty() ? "http" : transport);
  }

  private static @Nullable String segmentName(Method method) {
    ResumeExternalService resume = AnnotationUtils.findAnnotation(method, ResumeExternalService.class);
    if (resume == null) {
      return null;
    }
    return resume.name().isEmpty() ? method.getName() : resume.name();
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
