package io.llmops.observability.springai.internal;

import io.llmops.observability.okhttp.LlmopsOkHttp;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import okhttp3.Interceptor;

/**
 * Spring AI 2's {@code OpenAiHttpClientBuilderCustomizer}, as a proxy of that interface: its
 * {@code customize(builder)} adds llmops-okhttp's recording interceptor to the builder of the
 * OkHttp client that the OpenAI models call the provider with, so that call is recorded as
 * Spring AI 1.1's {@code RestClient} call is: onto the generation current while it runs
 * (docs/FRAMEWORKS.md, "One model call, one record"). A failure is counted and logged once, and
 * the client is built without it. Internal.
 */
final class OkHttpInterceptorCustomizer implements InvocationHandler {

  private OkHttpInterceptorCustomizer() {}

  /** A customizer implementing {@code type}, Spring AI 2's customizer interface. */
  static Object implementing(Class<?> type) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new OkHttpInterceptorCustomizer());
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "customize" -> {
        addInterceptor(args[0]);
        yield null;
      }
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      case "toString" -> "llmops OkHttp interceptor for Spring AI's OpenAI client";
      // a default method a later Spring AI may add keeps its own behaviour
      default -> InvocationHandler.invokeDefault(proxy, method, args);
    };
  }

  /** {@code builder.interceptor(LlmopsOkHttp.interceptor())} on Spring AI's client builder. */
  private static void addInterceptor(Object builder) {
    Guard.run("OpenAI HTTP client", () -> {
      try {
        builder.getClass().getMethod("interceptor", Interceptor.class)
            .invoke(builder, LlmopsOkHttp.interceptor());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Spring AI's OpenAI HTTP client builder has no "
            + "interceptor(okhttp3.Interceptor)", e);
      }
    });
  }
}
