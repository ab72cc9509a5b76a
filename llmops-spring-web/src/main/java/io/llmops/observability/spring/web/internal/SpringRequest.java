package io.llmops.observability.spring.web.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.OutboundRequest;
import java.net.URI;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** A request of a Spring client ({@code HttpRequest} or {@code ClientRequest}). Internal. */
public record SpringRequest(HttpClientLibrary library, boolean async, HttpMethod httpMethod,
    URI uri, HttpHeaders headers) implements OutboundRequest {

  @Override
  public String method() {
    return httpMethod.name();
  }

  @Override
  public String url() {
    return uri.toString();
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    SpringHeaders.forEach(headers, action);
  }
}
