package io.llmops.observability.spring.boot.internal;

import org.springframework.aop.support.DefaultPointcutAdvisor;

/** The advisor Spring's auto-proxy creator applies to beans with {@code @Track*} methods. Internal. */
public final class TrackedMethodAdvisor extends DefaultPointcutAdvisor {

  public TrackedMethodAdvisor() {
    super(new TrackedMethodPointcut(), new TrackedMethodInterceptor());
  }
}
