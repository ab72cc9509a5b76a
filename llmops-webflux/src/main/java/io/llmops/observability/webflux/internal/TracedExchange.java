package io.llmops.observability.webflux.internal;

import io.llmops.observability.spi.TracedRequest;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The exchange the handler sees: its request body and its response body are read and written
 * with the request's trace current, because the server's event loop delivers the body's chunks
 * and asks for the response's, on no thread where the trace was made current. Internal.
 */
public final class TracedExchange {

  private TracedExchange() {}

  public static ServerWebExchange of(ServerWebExchange exchange, TracedRequest traced) {
    return exchange.mutate()
        .request(new TracedBody(exchange.getRequest(), traced))
        .response(new TracedWrites(exchange.getResponse(), traced))
        .build();
  }

  private static final class TracedBody extends ServerHttpRequestDecorator {

    private final TracedRequest traced;

    TracedBody(ServerHttpRequest request, TracedRequest traced) {
      super(request);
      this.traced = traced;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return InScope.flux(super.getBody(), traced);
    }
  }

  private static final class TracedWrites extends ServerHttpResponseDecorator {

    private final TracedRequest traced;

    TracedWrites(ServerHttpResponse response, TracedRequest traced) {
      super(response);
      this.traced = traced;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      return super.writeWith(InScope.flux(body, traced));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return super.writeAndFlushWith(InScope.flux(body, traced));
    }
  }
}
