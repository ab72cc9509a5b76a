package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SpanHooks;
import io.llmops.observability.spi.Weaving;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * Records a span for each call of a {@code @Track*} method of a Spring bean, as the agent's
 * woven code would: the span is current while the method runs, ends with its result or its
 * exception (rethrown unchanged), or when a returned {@code CompletionStage}, {@code Mono} or
 * {@code Flux} completes. Does nothing while something else weaves the annotations (the agent
 * reports itself through {@link Weaving}): each call is then recorded once, by the agent; nor for
 * a class woven at build time, whose own code records it.
 * Internal.
 */
public final class TrackedMethodInterceptor implements MethodInterceptor {

  /** How this interceptor names itself to {@link Weaving}. */
  public static final String WEAVER = "llmops-spring-aop";

  private static final boolean REACTOR = ClassUtils.isPresent("reactor.core.publisher.Mono",
      TrackedMethodInterceptor.class.getClassLoader());

  private final Map<Method, Optional<TrackedBeanMethod>> methods = new ConcurrentHashMap<>();

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    String weaver = Weaving.activeBy();
    if (!WEAVER.equals(weaver) && !Weaving.BUILD_TIME.equals(weaver)) {
      return invocation.proceed();
    }
    TrackedBeanMethod method = tracked(invocation);
    TrackedCall call = method == null ? null
        : TrackedCall.start(method, invocation.getThis(), invocation.getArguments());
    if (call == null) {
      return invocation.proceed();
    }
    Scope scope = current(call);
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable failure) {
      leave(scope);
      call.fail(failure);
      call.endSegment(null);
      throw failure;
    }
    leave(scope);
    Object returned = ended(call, result);
    call.endSegment(returned == result && !(result instanceof CompletionStage<?>) ? result : null);
    return returned;
  }

  /** The method's result, its span ended now or handed to the asynchronous result. */
  private static Object ended(TrackedCall call, Object result) {
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete((value, failure) -> {
        if (failure != null) {
          call.fail(failure);
        } else {
          call.succeed(value);
        }
      });
      SpanHooks.awaitEnd(call.span);
      return result;
    }
    if (REACTOR && ReactorEnding.isPublisher(result)) {
      SpanHooks.awaitEnd(call.span);
      return ReactorEnding.track(call, result);
    }
    call.succeed(result);
    return result;
  }

  /** Makes the span current; null (the method runs with the span not current) if it fails. */
  private static Scope current(TrackedCall call) {
    try {
      return call.span.makeCurrent();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-scope", "llmops: could not make a span current", e);
      return null;
    }
  }

  private static void leave(Scope scope) {
    if (scope == null) {
      return;
    }
    try {
      scope.close();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-scope-close", "llmops: could not restore the context", e);
    }
  }

  /** The annotated method behind the invocation, read once; null when none or unreadable. */
  private TrackedBeanMethod tracked(MethodInvocation invocation) {
    Object target = invocation.getThis();
    Method method = target == null ? invocation.getMethod()
        : AopUtils.getMostSpecificMethod(invocation.getMethod(), target.getClass());
    try {
      return methods.computeIfAbsent(method, TrackedMethodInterceptor::read).orElse(null);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-read", "llmops: could not read the annotation of "
          + method.getDeclaringClass().getName() + "#" + method.getName()
          + "; the method runs untraced", e);
      return null;
    }
  }

  private static Optional<TrackedBeanMethod> read(Method method) {
    if (Weaving.wovenAtBuildTime(method.getDeclaringClass())) {
      return Optional.empty(); // its own woven code records it
    }
    Annotation annotation = TrackedBeanMethod.annotationOf(method);
    return Optional.ofNullable(annotation == null ? null : TrackedBeanMethod.of(method, annotation));
  }
}
