package io.llmops.observability.jdkhttp.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.OutboundRequest;
import java.net.http.HttpRequest;
import java.util.function.BiConsumer;

/** An {@link HttpRequest} as {@link io.llmops.observability.spi.OutboundHttp} reads it. */
public record RequestView(HttpRequest request, boolean async) implements OutboundRequest {

  @Override
  public HttpClientLibrary library() {
    return HttpClientLibrary.JDK_HTTP_CLIENT;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String url() {
    return request.uri().toString();
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    HeaderMaps.forEach(request.headers(), action);
  }
}
