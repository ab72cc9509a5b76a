package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.spi.AnnotatedCall;
import io.llmops.observability.spi.AnnotatedMethod;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.Weaving;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
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

  private final Map<Method, Optional<AnnotatedMethod>> methods = new ConcurrentHashMap<>();

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    String weaver = Weaving.activeBy();
    if (!WEAVER.equals(weaver) && !Weaving.BUILD_TIME.equals(weaver)) {
      return invocation.proceed();
    }
    AnnotatedMethod method = tracked(invocation);
    AnnotatedCall call = method == null ? null : start(method, invocation);
    if (call == null) {
      return invocation.proceed();
    }
    Scope scope = current(call.span());
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable failure) {
      leave(scope);
      call.threw(failure);
      call.endSegment(null);
      throw failure;
    }
    leave(scope);
    try {
      return ended(call, result);
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-exit", "llmops: could not follow the result of "
          + method.where() + "; its span ends now", e);
      call.endSpan(false);
      call.endSegment(null);
      return result;
    }
  }

  /**
   * The method's result, its span ended now or handed to the asynchronous result (a publisher
   * is replaced by one that ends it); the child segment, if any, finalized.
   */
  private static Object ended(AnnotatedCall call, Object result) {
    if (REACTOR && AnnotatedCall.isReactivePublisher(result)) {
      Object tracked = call.returnedPublisher(result);
      call.endSegment(null);
      return tracked;
    }
    call.returned(result);
    call.endSegment(result);
    return result;
  }

  /** Starts the call's span (not current yet); null when it could not start. */
  private static AnnotatedCall start(AnnotatedMethod method, MethodInvocation invocation) {
    AnnotatedCall call = null;
    try {
      call = new AnnotatedCall(method, invocation.getArguments());
      call.resumeSegment(invocation.getArguments());
      call.start(invocation.getThis(), invocation.getArguments());
      return call;
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("spring-aop-enter", "llmops: could not start the span of "
          + method.where() + "; the method runs untraced", e);
      if (call != null) {
        call.endSegment(null);
      }
      return null;
    }
  }

  /** Makes the span current; null (the method runs with the span not current) if it fails. */
  private static Scope current(Span span) {
    try {
      return span.makeCurrent();
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
  private AnnotatedMethod tracked(MethodInvocation invocation) {
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

  private static Optional<AnnotatedMethod> read(Method method) {
    if (Weaving.wovenAtBuildTime(method.getDeclaringClass())) {
      return Optional.empty(); // its own woven code records it
    }
    Annotation annotation = TrackedBeanMethod.annotationOf(method);
    return Optional.ofNullable(annotation == null ? null : TrackedBeanMethod.of(method, annotation));
  }
}
