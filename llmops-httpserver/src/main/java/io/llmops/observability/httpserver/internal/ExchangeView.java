package io.llmops.observability.httpserver.internal;

import com.sun.net.httpserver.HttpExchange;
import io.llmops.observability.spi.InboundRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An {@link HttpExchange}'s request as {@link InboundRequest} reads it. */
public final class ExchangeView implements InboundRequest {

  private final HttpExchange exchange;

  public ExchangeView(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public String path() {
    String path = exchange.getRequestURI().getRawPath();
    return path == null ? "/" : path;
  }

  /** The context's path: the one route the server knows. */
  @Override
  public String route() {
    return exchange.getHttpContext().getPath();
  }

  @Override
  public Iterable<String> headerNames() {
    return exchange.getRequestHeaders().keySet();
  }

  @Override
  public @Nullable List<String> headerValues(String name) {
    return exchange.getRequestHeaders().get(name);
  }

  @Override
  public @Nullable String clientAddress() {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null ? null
        : remote.getAddress().getHostAddress();
  }
}
