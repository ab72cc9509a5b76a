package io.llmops.observability.apache.hc5.internal;

import io.llmops.observability.HttpClientLibrary;
import io.llmops.observability.spi.HeaderSource;
import io.llmops.observability.spi.OutboundRequest;
import java.util.Iterator;
import java.util.function.BiConsumer;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.net.URIAuthority;
import org.jspecify.annotations.Nullable;

/**
 * An HttpClient 5 request as {@code OutboundHttp} reads it. Read lazily, inside {@code
 * OutboundHttp.start}, which counts and survives whatever reading it throws.
 */
record Hc5Request(HttpRequest request, @Nullable HttpHost target, boolean async)
    implements OutboundRequest {

  @Override
  public HttpClientLibrary library() {
    return HttpClientLibrary.APACHE_HTTPCLIENT5;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  /**
   * The absolute URL: the request's own scheme and authority, or the route's target host when
   * the application executed a relative request against an {@code HttpHost}.
   */
  @Override
  public String url() {
    String path = request.getRequestUri();
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    URIAuthority authority = request.getAuthority();
    String scheme = request.getScheme();
    StringBuilder url = new StringBuilder(64);
    if (authority != null) {
      url.append(scheme == null ? "http" : scheme).append("://")
          .append(hostAndPort(authority.getHostName(), authority.getPort()));
    } else if (target != null) {
      url.append(target.getSchemeName()).append("://")
          .append(hostAndPort(target.getHostName(), target.getPort()));
    }
    return url.append(path.startsWith("/") ? "" : "/").append(path).toString();
  }

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    giveHeaders(request.headerIterator(), action);
  }

  /** The headers of {@code response}, for {@code OutboundCall.response}. */
  static HeaderSource headersOf(HttpResponse response) {
    return action -> giveHeaders(response.headerIterator(), action);
  }

  private static void giveHeaders(Iterator<Header> headers, BiConsumer<String, String> action) {
    while (headers.hasNext()) {
      Header header = headers.next();
      action.accept(header.getName(), header.getValue());
    }
  }

  private static String hostAndPort(String host, int port) {
    String bracketed = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return port < 0 ? bracketed : bracketed + ":" + port;
  }
}
