package io.llmops.observability.webflux;

import io.llmops.observability.Scope;
import io.llmops.observability.spi.InboundHttp;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.TracedRequest;
import io.llmops.observability.webflux.internal.ExchangeEnding;
import io.llmops.observability.webflux.internal.ExchangeRequest;
import io.llmops.observability.webflux.internal.InScope;
import io.llmops.observability.webflux.internal.ScheduledTasks;
import io.llmops.observability.webflux.internal.TracedExchange;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Traces each request a Spring WebFlux application serves: one trace per exchange (or, when the
 * caller sent its trace headers, the caller's child segment) whose server span holds the spans
 * the handler starts, on whatever scheduler they run. The request is kept in the Reactor {@code
 * Context} and made current around the handler's subscription, its requests and its body's
 * signals; tasks scheduled on Reactor schedulers carry it to their threads. The trace ends when
 * the response is complete, fails or is cancelled. Errors pass through unchanged, and a request
 * the SDK fails to trace is served as if the filter were absent.
 *
 * <p>Spring Boot registers it by itself (its auto-configuration); elsewhere declare it as a
 * {@code @Bean WebFilter} or add it to {@code WebHttpHandlerBuilder.filter(...)}. It runs before
 * the application's own filters ({@link #ORDER}).
 */
public final class LlmopsWebFilter implements WebFilter, Ordered {

  /** Early, so that the spans of the application's own filters nest under the request too. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

  private static final Scope NOTHING = () -> { };

  public LlmopsWebFilter() {
    try {
      ScheduledTasks.carryContext();
    } catch (RuntimeException | LinkageError e) {
      SdkLog.errorOnce("webflux-schedulers", "llmops: work moved to a Reactor scheduler is not "
          + "traced under its request", e);
    }
  }

  /**
   * Makes the request traced in the Reactor {@code context} current on the calling thread until
   * the scope is closed, for code that runs where the filter cannot reach, such as a callback on
   * a client's event loop; nothing when the context holds no traced request.
   *
   * <pre>{@code
   * Mono.deferContextual(context -> {
   *   try (Scope ignored = LlmopsWebFilter.makeCurrent(context)) {
   *     return Mono.just(Llmops.span("rank").call(() -> rank(profile)));
   *   }
   * })
   * }</pre>
   */
  public static Scope makeCurrent(ContextView context) {
    TracedRequest traced = context.getOrDefault(TracedRequest.class, null);
    return traced == null ? NOTHING : traced.makeCurrent();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    TracedRequest traced = InboundHttp.start(new ExchangeRequest(exchange.getRequest()));
    if (traced == null) {
      return chain.filter(exchange);
    }
    Mono<Void> handled;
    try {
      handled = traced(exchange, chain, traced);
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(InboundHttp.COUNTER_FAILED);
      SdkLog.errorOnce("webflux-filter", "llmops: a request could not be traced; it is served "
          + "untraced", e);
      traced.end();
      return chain.filter(exchange);
    }
    return handled;
  }

  private static Mono<Void> traced(ServerWebExchange exchange, WebFilterChain chain,
      TracedRequest traced) {
    traced.responseHeaders().forEach(exchange.getResponse().getHeaders()::set);
    ServerWebExchange tracedExchange = TracedExchange.of(exchange, traced);
    ExchangeEnding ending = new ExchangeEnding(traced, exchange);
    Mono<Void> handled = Mono.defer(() -> chain.filter(tracedExchange))
        .doOnSuccess(ignored -> ending.completed())
        .doOnError(ending::failed)
        .doOnCancel(ending::cancelled)
        .contextWrite(context -> context.put(TracedRequest.class, traced));
    return InScope.mono(handled, traced);
  }
}
