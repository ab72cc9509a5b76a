package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.ResumeExternalService;
import io.llmops.observability.SpanType;
import io.llmops.observability.TrackExternalService;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;
import io.llmops.observability.TrackTransaction;
import io.llmops.observability.spi.AnnotatedCall;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.EvaluationSettings;
import io.llmops.observability.spi.MetadataValues;
import io.llmops.observability.spi.SdkLog;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Reads what one annotated bean method records, once, by reflection, with the agent's rules
 * (docs/AGENT.md, "What is woven"): the first annotation of the agent's order wins, metadata
 * values are typed as the agent types them, the prompt of a {@code @TrackLlmCall} is the
 * parameter named {@code prompt}, else the first {@code String} one. {@code @ResumeExternalService}
 * combines with any of them. The core's {@link AnnotatedCall} records the calls. Internal.
 */
final class TrackedBeanMethod {

  /** The called service of a {@code @TrackExternalService} method. */
  private record ExternalService(String serviceName, String transport) {}

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

  private TrackedBeanMethod() {}

  static AnnotatedMethod of(Method method, Annotation annotation) {
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
    ExternalService external = annotation instanceof TrackExternalService service
        ? externalService(service, method) : null;
    return new AnnotatedMethod(
        where,
        name.isEmpty() ? method.getName() : name,
        type,
        MetadataValues.typedEntries((String[]) values.getOrDefault("metadata", NONE), where),
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
        external == null ? null : external.serviceName(),
        external == null ? null : external.transport(),
        segmentName(method));
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
