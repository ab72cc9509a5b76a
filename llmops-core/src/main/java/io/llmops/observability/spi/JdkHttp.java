package io.llmops.observability.spi;

import io.llmops.observability.HttpClientLibrary;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The JDK's HTTP types as {@link OutboundHttp} reads them, for every way in that sees them (the
 * {@code llmops-jdk-httpclient} wrapper and the agent's weaving of {@code HttpClient} and {@code
 * HttpURLConnection}).
 */
public final class JdkHttp {

  private JdkHttp() {}

  /** A {@code java.net.http} request, sent by {@code send} ({@code async} false) or {@code sendAsync}. */
  public static OutboundRequest request(HttpRequest request, boolean async) {
    return new Request(request, async);
  }

  /**
   * Headers held as the JDK holds them, a list of values per name, without what is not a header:
   * a null name (the status line {@code HttpURLConnection} lists) or an HTTP/2 pseudo-header
   * ({@code :status}).
   */
  public static HeaderSource headers(Map<String, List<String>> headers) {
    return action -> headers.forEach((name, values) -> {
      if (name != null && !name.startsWith(":") && values != null) {
        values.forEach(value -> action.accept(name, value));
      }
    });
  }

  /** {@code request} with {@code headers} set, or {@code request} itself when there are none. */
  public static HttpRequest withHeaders(HttpRequest request, Map<String, String> headers) {
    if (headers.isEmpty()) {
      return request;
    }
    HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
    headers.forEach(copy::setHeader);
    return copy.build();
  }

  private record Request(HttpRequest request, boolean async) implements OutboundRequest {

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
      headers(request.headers().map()).forEachHeader(action);
    }
  }
}
