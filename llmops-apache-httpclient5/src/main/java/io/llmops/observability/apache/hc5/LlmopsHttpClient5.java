package io.llmops.observability.apache.hc5;

import io.llmops.observability.apache.hc5.internal.AsyncCallHandler;
import io.llmops.observability.apache.hc5.internal.ClassicCallHandler;
import io.llmops.observability.apache.hc5.internal.HopHeaderHandler;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Records the calls of Apache HttpClient 5 clients as client spans (docs/OUTBOUND_HTTP.md):
 * one span per {@code execute}, redirects and retries included, a child of the span current
 * where {@code execute} was called; nothing outside a trace.
 *
 * <pre>{@code
 * CloseableHttpClient client = LlmopsHttpClient5.instrument(HttpClients.custom()).build();
 * CloseableHttpAsyncClient async =
 *     LlmopsHttpClient5.instrument(HttpAsyncClients.custom()).build();
 * }</pre>
 *
 * Calling {@code instrument} again on the same builder adds nothing (the agent calls it from
 * {@code build()}, perhaps after the application did).
 */
public final class LlmopsHttpClient5 {

  /** The name of the handler in the client's exec chain. */
  public static final String HANDLER_NAME = "llmops-client-span";

  /** The name of the element that gives each hop of a call (a redirect) the trace headers. */
  public static final String HOP_HANDLER_NAME = "llmops-trace-headers";

  /** The builders given a handler already; weak, so a builder is not kept alive by it. */
  private static final Set<Object> INSTRUMENTED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private LlmopsHttpClient5() {}

  /**
   * Adds the client-span handler to a classic client's builder, first in its exec chain (so that
   * redirects and retries stay inside one span), and the element that gives each hop the trace
   * headers; returns {@code builder}.
   *
   * @throws IllegalArgumentException when {@code builder} is null
   */
  public static HttpClientBuilder instrument(@Nullable HttpClientBuilder builder) {
    if (firstTime(builder)) {
      builder.addExecInterceptorFirst(HANDLER_NAME, ClassicCallHandler.INSTANCE)
          .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), HOP_HANDLER_NAME,
              HopHeaderHandler.INSTANCE);
    }
    return builder;
  }

  /**
   * Adds the client-span handler to an async client's builder, first in its exec chain; returns
   * {@code builder}.
   *
   * @throws IllegalArgumentException when {@code builder} is null
   */
  public static HttpAsyncClientBuilder instrument(@Nullable HttpAsyncClientBuilder builder) {
    if (firstTime(builder)) {
      builder.addExecInterceptorFirst(HANDLER_NAME, AsyncCallHandler.INSTANCE)
          .addExecInterceptorBefore(ChainElement.PROTOCOL.name(), HOP_HANDLER_NAME,
              HopHeaderHandler.INSTANCE);
    }
    return builder;
  }

  private static boolean firstTime(@Nullable Object builder) {
    if (builder == null) {
      throw new IllegalArgumentException("builder must not be null");
    }
    return INSTRUMENTED.add(builder);
  }
}
