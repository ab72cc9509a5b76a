package io.llmops.observability.webflux.internal;

import io.llmops.observability.spi.InboundRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A WebFlux request as {@code InboundHttp} reads it. Headers are read through {@link
 * HttpHeaders#headerSet()}, which Spring Framework 6.2 and 7 both have with the same signature.
 * Internal.
 */
public final class ExchangeRequest implements InboundRequest {

  private final ServerHttpRequest request;

  public ExchangeRequest(ServerHttpRequest request) {
    this.request = request;
  }

  @Override
  public String method() {
    return request.getMethod().name();
  }

  @Override
  public String path() {
    return request.getPath().value();
  }

  @Override
  public Iterable<String> headerNames() {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
      names.add(header.getKey());
    }
    return names;
  }

  @Override
  public @Nullable Iterable<String> headerValues(String name) {
    for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  @Override
  public @Nullable String clientAddress() {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    InetAddress address = remote.getAddress();
    return address == null ? remote.getHostString() : address.getHostAddress();
  }
}
