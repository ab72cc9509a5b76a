package io.llmops.observability.okhttp;

import io.llmops.observability.okhttp.internal.ClientInstrumentation;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Records the calls of an OkHttp client (4.x or 5.x) as client spans (docs/OUTBOUND_HTTP.md,
 * "OkHttp"): {@code execute()} as {@code http.call_mode: sync}, {@code enqueue()} as {@code
 * async} under the span that was current when the call was made. Calls outside a trace record
 * nothing. Instrumenting twice, or a builder from {@code newBuilder()} of an instrumented
 * client, adds nothing more.
 *
 * <pre>{@code
 * OkHttpClient.Builder builder = new OkHttpClient.Builder().eventListener(myListener);
 * LlmopsOkHttp.instrument(builder);          // after eventListener(...), if the app sets one
 * OkHttpClient client = builder.build();
 * OkHttpClient other = LlmopsOkHttp.instrument(existingClient);
 * }</pre>
 */
public final class LlmopsOkHttp {

  private LlmopsOkHttp() {}

  /**
   * Adds the recording interceptor to {@code builder}, once. Call it after setting the builder's
   * event listener: a listener set afterwards replaces the hook that carries an enqueued call's
   * trace context, and enqueued calls are then not recorded.
   *
   * @throws IllegalArgumentException when {@code builder} is null
   */
  public static void instrument(OkHttpClient.Builder builder) {
    if (builder == null) {
      throw new IllegalArgumentException("builder must not be null");
    }
    ClientInstrumentation.apply(builder);
  }

  /**
   * A client like {@code client} (sharing its connection pool and dispatcher) whose calls are
   * recorded; {@code client} itself when it is instrumented already.
   *
   * @throws IllegalArgumentException when {@code client} is null
   */
  public static OkHttpClient instrument(OkHttpClient client) {
    if (client == null) {
      throw new IllegalArgumentException("client must not be null");
    }
    return ClientInstrumentation.derive(client);
  }

  /**
   * The recording interceptor alone, for a client built by a library that takes interceptors but
   * hands out no {@code OkHttpClient.Builder} (Spring AI 2's {@code SpringAiOpenAiHttpClient}).
   * Add it as an application interceptor ({@code addInterceptor}). It records the calls made
   * with {@code execute()}; an enqueued call is recorded as {@code async} only when the client's
   * event listener factory notes where it was made, which {@link #instrument(OkHttpClient.Builder)}
   * (and the agent, on any builder) adds to a builder that already holds this interceptor.
   */
  public static Interceptor interceptor() {
    return ClientInstrumentation.interceptor();
  }
}
