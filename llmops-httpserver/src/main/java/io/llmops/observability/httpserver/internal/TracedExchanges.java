package io.llmops.observability.httpserver.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;

/** Wraps the exchange the handler sees, so that its response's completion is seen. */
public final class TracedExchanges {

  private TracedExchanges() {}

  /** {@code exchange} as the handler gets it: an {@link HttpsExchange} stays one. */
  public static HttpExchange wrap(HttpExchange exchange, ResponseCompletion completion) {
    TracedExchange traced = new TracedExchange(exchange,
        new CompletionSignal(exchange, completion));
    return exchange instanceof HttpsExchange secure ? new TracedHttpsExchange(secure, traced)
        : traced;
  }
}
