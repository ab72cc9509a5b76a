package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Hands each OkHttp and Apache HttpClient 5 builder, when it builds a client, to the llmops
 * integration of that library ({@code io.llmops:llmops-okhttp}, {@code
 * io.llmops:llmops-apache-httpclient5}), whose {@code instrument(builder)} adds its interceptor
 * (once: it is the integration's to recognise a builder it instrumented already). The
 * integration is looked up by name through the builder's class loader: the agent depends on
 * neither library, and without the integration the builder builds as it would (said once per
 * builder class, at debug level). Public because the code {@link HttpClientWeaving} weaves
 * calls it from inside the libraries. Never throws. Internal.
 */
public final class ClientBuilders {

  /** Each woven builder class, and the class of the integration that instruments it. */
  static final Map<String, String> INTEGRATIONS = Map.of(
      "okhttp3.OkHttpClient$Builder", "io.llmops.observability.okhttp.LlmopsOkHttp",
      "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
      "io.llmops.observability.apache.hc5.LlmopsHttpClient5",
      "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder",
      "io.llmops.observability.apache.hc5.LlmopsHttpClient5");

  /** Per builder class: the integration's {@code instrument}, or null without it. */
  private static final ClassValue<Method> INSTRUMENT = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> builder) {
      return instrumentMethod(builder);
    }
  };

  /** The integration may build a client of its own while instrumenting: that one is left be. */
  private static final ThreadLocal<boolean[]> INSTRUMENTING =
      ThreadLocal.withInitial(() -> new boolean[1]);

  private ClientBuilders() {}

  /** Hands {@code builder} to its integration, if present. */
  public static void instrument(Object builder) {
    boolean[] busy = INSTRUMENTING.get();
    if (builder == null || busy[0]) {
      return;
    }
    busy[0] = true;
    try {
      Method instrument = INSTRUMENT.get(builder.getClass());
      if (instrument != null) {
        instrument.invoke(null, builder);
        StartupStats.httpBuilderInstrumented();
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      OutboundFailures.record("add the llmops interceptor to a client builder (its client"
          + " is built without it)", e);
    } finally {
      busy[0] = false;
    }
  }

  /**
   * A public static {@code instrument} taking the builder, of the integration of the woven class
   * {@code builder} is or extends; null when the integration is not beside the library.
   */
  private static Method instrumentMethod(Class<?> builder) {
    for (Class<?> type = builder; type != null; type = type.getSuperclass()) {
      String integration = INTEGRATIONS.get(type.getName());
      if (integration != null) {
        return instrumentMethod(builder, type, integration);
      }
    }
    return null;
  }

  private static Method instrumentMethod(Class<?> builder, Class<?> woven, String integration) {
    try {
      Class<?> found = Class.forName(integration, true, woven.getClassLoader());
      for (Method method : found.getMethods()) {
        if (method.getName().equals("instrument") && Modifier.isStatic(method.getModifiers())
            && method.getParameterCount() == 1
            && method.getParameterTypes()[0].isAssignableFrom(builder)) {
          return method;
        }
      }
      SdkLog.warnOnce("agent-http-builder-" + integration, "llmops-agent: " + integration
          + " has no instrument(" + woven.getName() + "); clients it builds are not recorded");
    } catch (ClassNotFoundException e) {
      System.getLogger("io.llmops.observability").log(System.Logger.Level.DEBUG,
          "llmops-agent: " + woven.getName() + " builds clients without llmops: " + integration
              + " is not on its class path (" + woven.getClassLoader() + ")");
    } catch (LinkageError e) {
      OutboundFailures.record("find the llmops integration of " + woven.getName(), e);
    }
    return null;
  }
}
