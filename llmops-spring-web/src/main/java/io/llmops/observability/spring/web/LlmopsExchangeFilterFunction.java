package io.llmops.observability.spring.web;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Scope;
import io.llmops.observability.spi.OutboundCall;
import io.llmops.observability.spi.OutboundHttp;
import io.llmops.observability.spi.SpanHooks;
import io.llmops.observability.spi.TracedRequest;
import io.llmops.observability.spring.web.internal.ExchangeEnding;
import io.llmops.observability.spring.web.internal.RecordingFailure;
import io.llmops.observability.spring.web.internal.SpringRequest;
import io.llmops.observability.spring.web.internal.SubscribedInScope;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Records each call of a Spring {@code WebClient} inside a trace as a client span
 * (docs/OUTBOUND_HTTP.md, library {@code spring-webclient}, {@code http.call_mode: async}).
 *
 * <p>The request is made when the {@code Mono} is subscribed to, so that is when the call is
 * recorded, under the span current on the subscribing thread; when that thread has no trace (a
 * Reactor Netty event loop, a scheduler's thread), under the request that {@code llmops-webflux}
 * keeps in the Reactor {@code Context}. The trace headers go into the request for the hosts that
 * are to get them. The span ends at the response's status and headers, an error or a
 * cancellation; the response body is never read (request bodies are never previewed: a {@code
 * WebClient} body is written as a stream). Errors reach the subscriber unchanged; a call the SDK
 * fails to record is made unrecorded.
 *
 * <pre>{@code
 * WebClient client = WebClient.builder().filter(new LlmopsExchangeFilterFunction()).build();
 * }</pre>
 *
 * Spring Boot adds it to every {@code WebClient.Builder} by itself ({@link
 * LlmopsHttpClientAutoConfiguration}).
 */
public final class LlmopsExchangeFilterFunction implements ExchangeFilterFunction {

  private static final String FAILURE_KEY = "spring-webclient-filter";

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return Mono.deferContextual(context -> exchange(request, next, context));
  }

  private static Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next,
      ContextView context) {
    OutboundCall call = start(request, context);
    if (call == null) {
      return next.exchange(request);
    }
    ClientRequest traced = withTraceHeaders(request, call);
    ExchangeEnding ending = new ExchangeEnding(call);
    Mono<ClientResponse> exchanged;
    try (Scope ignored = call.makeCurrent()) {
      exchanged = next.exchange(traced);
    } catch (RuntimeException | Error e) {
      // A filter further down threw instead of returning a Mono: it reaches the caller as is.
      ending.failed(e);
      throw e;
    }
    return SubscribedInScope.mono(exchanged, call::makeCurrent)
        .doOnSuccess(response -> {
          if (response == null) {
            ending.completed();
          } else {
            ending.answered(response);
          }
        })
        .doOnError(ending::failed)
        .doOnCancel(ending::cancelled);
  }

  private static ClientRequest withTraceHeaders(ClientRequest request, OutboundCall call) {
    if (call.propagationHeaders().isEmpty()) {
      return request;
    }
    try {
      return ClientRequest.from(request).headers(headers -> call.inject(headers::set)).build();
    } catch (RuntimeException | LinkageError e) {
      RecordingFailure.count(FAILURE_KEY, e);
      return request;
    }
  }

  /** Starts the call in the subscribing thread's trace, or else the Reactor context's. */
  private static @Nullable OutboundCall start(ClientRequest request, ContextView context) {
    try {
      SpringRequest outbound = new SpringRequest(HttpClientLibrary.SPRING_WEBCLIENT, true,
          request.method(), request.url(), request.headers());
      TracedRequest inbound = context.getOrDefault(TracedRequest.class, null);
      if (inbound == null || SpanHooks.hasLiveTrace(LlmopsContext.current())) {
        return OutboundHttp.start(outbound);
      }
      try (Scope ignored = inbound.makeCurrent()) {
        return OutboundHttp.start(outbound);
      }
    } catch (RuntimeException | LinkageError e) {
      RecordingFailure.count(FAILURE_KEY, e);
      return null;
    }
  }
}
