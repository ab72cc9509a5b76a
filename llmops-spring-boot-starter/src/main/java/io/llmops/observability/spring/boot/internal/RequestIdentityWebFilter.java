package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.spi.TracedRequest;
import java.security.Principal;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A WebFlux filter ordered after every other (Spring Security's included, so the exchange it sees
 * has the authenticated principal) that gives the request's trace, found in the Reactor context
 * where llmops-webflux's filter put it, its user and session before the handler runs. An existing
 * session only: a session the lookup creates is never started. Internal.
 */
public final class RequestIdentityWebFilter implements WebFilter, Ordered {

  private final RequestIdentity identity;

  public RequestIdentityWebFilter(RequestIdentity identity) {
    this.identity = identity;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<Void> identified = Mono.deferContextual(context -> {
      TracedRequest traced = context.getOrDefault(TracedRequest.class, null);
      return traced == null ? Mono.empty() : identify(traced, exchange);
    });
    return identified.onErrorResume(e -> {
      identity.failed(e);
      return Mono.empty();
    }).then(Mono.defer(() -> chain.filter(exchange)));
  }

  private Mono<Void> identify(TracedRequest traced, ServerWebExchange exchange) {
    Mono<Optional<Principal>> principal = identity.readsPrincipal()
        ? exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
        : Mono.just(Optional.empty());
    Mono<Optional<String>> session = identity.readsHttpSession()
        ? exchange.getSession().map(RequestIdentityWebFilter::startedId)
            .defaultIfEmpty(Optional.empty())
        : Mono.just(Optional.empty());
    return Mono.zip(principal, session).doOnNext(found -> identity.identify(traced, exchange,
        found.getT1().orElse(null), exchange.getRequest().getHeaders()::getFirst,
        () -> found.getT2().orElse(null))).then();
  }

  private static Optional<String> startedId(WebSession session) {
    return session.isStarted() ? Optional.of(session.getId()) : Optional.empty();
  }
}
