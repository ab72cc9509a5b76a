package io.llmops.observability.httpserver.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.net.ssl.SSLSession;

/**
 * An HTTPS exchange as {@link TracedExchange} sees it, still an {@link HttpsExchange} for the
 * handlers that ask for its TLS session. (The JDK's two exchange types are classes, so the
 * delegation is written out once more here.)
 */
final class TracedHttpsExchange extends HttpsExchange {

  private final HttpsExchange secure;
  private final TracedExchange traced;

  TracedHttpsExchange(HttpsExchange secure, TracedExchange traced) {
    this.secure = secure;
    this.traced = traced;
  }

  @Override
  public SSLSession getSSLSession() {
    return secure.getSSLSession();
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    traced.sendResponseHeaders(code, length);
  }

  @Override
  public OutputStream getResponseBody() {
    return traced.getResponseBody();
  }

  @Override
  public void close() {
    traced.close();
  }

  @Override
  public Headers getRequestHeaders() {
    return traced.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return traced.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return traced.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return traced.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return traced.getHttpContext();
  }

  @Override
  public InputStream getRequestBody() {
    return traced.getRequestBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return traced.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return traced.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return traced.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return traced.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return traced.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    traced.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    traced.setStreams(in, out);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return traced.getPrincipal();
  }
}
