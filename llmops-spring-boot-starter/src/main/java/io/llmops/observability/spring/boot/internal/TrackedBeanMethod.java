package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.ResumeExternalService;
import io.llmops.observability.TrackExternalService;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;
import io.llmops.observability.TrackTransaction;
import io.llmops.observability.spi.AnnotatedCall;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.AnnotationRules;
import io.llmops.observability.spi.MethodShape;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TrackingAnnotations;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Reads what one annotated bean method records, once: it takes the annotation's values by
 * reflection and hands them to the core's {@link AnnotationRules}, the agent's rules
 * (docs/AGENT.md, "What is woven"); the first annotation of {@link TrackingAnnotations#IN_ORDER}
 * wins, {@code @ResumeExternalService} combines with any of them. The core's {@link
 * AnnotatedCall} records the calls. Internal.
 */
final class TrackedBeanMethod {

  /** The annotations the interceptor applies, in {@link TrackingAnnotations#IN_ORDER}. */
  static final List<Class<? extends Annotation>> APPLIED = List.of(TrackLlmCall.class,
      TrackLlmAgent.class, TrackLlmTool.class, TrackExternalService.class, TrackFunction.class,
      TrackTransaction.class);

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
      TrackingAnnotations.warnOfSeveral(where(method), found.annotationType().getName());
    }
    return found != null ? found : AnnotationUtils.findAnnotation(method, ResumeExternalService.class);
  }

  private TrackedBeanMethod() {}

  static AnnotatedMethod of(Method method, Annotation annotation) {
    Map<String, Object> values = AnnotationUtils.getAnnotationAttributes(annotation);
    String where = where(method);
    if (values.containsKey("captureLocals") && ((String[]) values.get("captureLocals")).length > 0) {
      SdkLog.warnOnce("spring-locals-" + where, "llmops: " + where + " asks for captureLocals,"
          + " which Spring AOP cannot see (a proxy sees only arguments and the result); use the"
          + " agent for local variables");
    }
    MethodShape shape = new MethodShape(where, method.getName(),
        Modifier.isStatic(method.getModifiers()), method.getReturnType() == void.class,
        NAMES.getParameterNames(method),
        Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray(String[]::new));
    ResumeExternalService resume = AnnotationUtils.findAnnotation(method, ResumeExternalService.class);
    return AnnotationRules.read(shape, annotation.annotationType().getName(), values::get,
        resume == null ? null : resume.name());
  }

  private static String where(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }
}
