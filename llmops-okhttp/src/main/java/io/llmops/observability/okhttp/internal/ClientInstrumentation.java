package io.llmops.observability.okhttp.internal;

import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import java.util.List;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Installs the recording on an OkHttp builder, once: the {@link TracingInterceptor}, and the
 * {@link OriginCapturingFactory} in front of the builder's event listener factory (it notes the
 * trace context where each call is made, for enqueued calls). Never throws.
 */
public final class ClientInstrumentation {

  /** Clients or builders the SDK failed to instrument (their calls are made unrecorded). */
  public static final String COUNTER_FAILED = "http.client.okhttp_instrument_failed";

  private ClientInstrumentation() {}

  /** A new recording interceptor, for a builder the SDK cannot reach itself. */
  public static Interceptor interceptor() {
    return new TracingInterceptor();
  }

  /**
   * Instruments {@code builder} unless it is already. A builder holding the interceptor alone
   * ({@link #interceptor()}) gets the origin capture, so its enqueued calls are recorded too.
   */
  public static void apply(OkHttpClient.Builder builder) {
    try {
      EventListener.@Nullable Factory listeners = BuilderListenerFactory.read(builder);
      if (!isInstrumented(builder.interceptors())) {
        install(builder, listeners);
      } else if (listeners != null) {
        builder.eventListenerFactory(OriginCapturingFactory.before(listeners));
      }
    } catch (RuntimeException | LinkageError e) {
      failed(e);
    }
  }

  /** {@code client} if it is instrumented, else an instrumented client derived from it. */
  public static OkHttpClient derive(OkHttpClient client) {
    try {
      if (isInstrumented(client.interceptors())) {
        return client;
      }
      OkHttpClient.Builder builder = client.newBuilder();
      install(builder, client.eventListenerFactory());
      return builder.build();
    } catch (RuntimeException | LinkageError e) {
      failed(e);
      return client;
    }
  }

  private static void install(OkHttpClient.Builder builder,
      EventListener.@Nullable Factory listeners) {
    if (listeners == null) {
      SdkLog.warnOnce("okhttp-listener", "llmops: the OkHttp builder's event listener could not "
          + "be read; enqueued OkHttp calls are not recorded (use LlmopsOkHttp.instrument(client))");
    } else {
      builder.eventListenerFactory(OriginCapturingFactory.before(listeners));
    }
    builder.addInterceptor(new TracingInterceptor());
  }

  private static boolean isInstrumented(List<Interceptor> interceptors) {
    for (Interceptor interceptor : interceptors) {
      if (interceptor instanceof TracingInterceptor) {
        return true;
      }
    }
    return false;
  }

  private static void failed(Throwable e) {
    SdkCounters.increment(COUNTER_FAILED);
    SdkLog.errorOnce("okhttp-instrument", "llmops: an OkHttp client could not be instrumented; "
        + "its calls are made unrecorded", e);
  }
}
