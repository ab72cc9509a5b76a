package io.llmops.observability.httpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.llmops.observability.Scope;
import io.llmops.observability.httpserver.internal.ExchangeView;
import io.llmops.observability.httpserver.internal.ResponseCompletion;
import io.llmops.observability.httpserver.internal.TracedExchanges;
import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.TracedRequest;
import java.io.IOException;

/**
 * Traces the requests of an {@code HttpServer} or {@code HttpsServer} context: one trace per
 * request (or the caller's child segment when it sent trace headers), whose server span the
 * handler's spans nest under, with the method, path, the context's path as route, status, client
 * address, user agent and headers (redacted when exported). The trace ends when the response is
 * complete: its body closed, the exchange closed, or headers sent for a response without a body,
 * whichever thread does it, and never before the handler has returned. Paths to skip and the
 * trace name are settings ({@link InboundHttp}). A request the SDK fails to trace is served
 * unchanged; the handler's exceptions are recorded and rethrown unchanged.
 *
 * <pre>{@code
 * HttpContext context = server.createContext("/chat", handler);
 * context.getFilters().add(new LlmopsHttpFilter());
 * }</pre>
 */
public final class LlmopsHttpFilter extends Filter {

  @Override
  public String description() {
    return "llmops: traces each request";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    TracedRequest traced = InboundHttp.start(new ExchangeView(exchange));
    if (traced == null) {
      chain.doFilter(exchange);
      return;
    }
    traced.responseHeaders().forEach(exchange.getResponseHeaders()::set);
    ResponseCompletion completion = new ResponseCompletion(traced);
    try (Scope ignored = traced.makeCurrent()) {
      chain.doFilter(TracedExchanges.wrap(exchange, completion));
    } catch (Throwable e) {
      traced.failed(e);
      completion.responseCompleted();
      throw e;
    } finally {
      int code = exchange.getResponseCode();
      if (code > 0) {
        traced.status(code);
      }
      completion.handlerReturned();
    }
  }
}
