package io.llmops.observability.okhttp.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.OutboundRequest;
import java.util.function.BiConsumer;
import okhttp3.Headers;
import okhttp3.Request;

/** An OkHttp request as {@link io.llmops.observability.spi.OutboundHttp#start} reads it. */
record OkHttpRequestView(Request request, boolean async) implements OutboundRequest {

  @Override
  public HttpClientLibrary library() {
    return HttpClientLibrary.OKHTTP;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public String url() {
    return request.url().toString();
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    giveEach(request.headers(), action);
  }

  /** Gives each header of {@code headers} to {@code action}, a value at a time. */
  static void giveEach(Headers headers, BiConsumer<String, String> action) {
    for (int i = 0; i < headers.size(); i++) {
      action.accept(headers.name(i), headers.value(i));
    }
  }
}
