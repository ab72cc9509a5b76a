package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.ResumeExternalService;
import java.lang.reflect.Method;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotationUtils;

/** Matches the bean methods that carry one of the {@code @Track*} annotations applied. Internal. */
final class TrackedMethodPointcut extends StaticMethodMatcherPointcut {

  @Override
  public boolean matches(Method method, Class<?> targetClass) {
    Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
    return TrackedBeanMethod.APPLIED.stream()
        .anyMatch(type -> AnnotationUtils.findAnnotation(specific, type) != null)
        || AnnotationUtils.findAnnotation(specific, ResumeExternalService.class) != null;
  }
}
