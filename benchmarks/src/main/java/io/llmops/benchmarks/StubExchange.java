package io.llmops.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/** A JDK HttpServer exchange without a server: a GET with browser-like headers, answered 200. */
final class StubExchange extends HttpExchange {

  private static final URI URI_ = URI.create("/chat/rooms?x=1");
  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final HttpContext context;
  private int code = -1;

  StubExchange(HttpContext context) {
    this.context = context;
    requestHeaders.add("Host", "127.0.0.1:8080");
    requestHeaders.add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0");
    requestHeaders.add("Accept", "application/json");
    requestHeaders.add("Accept-Encoding", "gzip, deflate");
    requestHeaders.add("Content-Type", "application/json");
  }

  void reset() {
    code = -1;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return URI_;
  }

  @Override
  public String getRequestMethod() {
    return "GET";
  }

  @Override
  public HttpContext getHttpContext() {
    return context;
  }

  @Override
  public void close() {
  }

  @Override
  public InputStream getRequestBody() {
    return InputStream.nullInputStream();
  }

  @Override
  public OutputStream getResponseBody() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) {
    code = rCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return CLIENT;
  }

  @Override
  public int getResponseCode() {
    return code;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return CLIENT;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return null;
  }

  @Override
  public void setAttribute(String name, Object value) {
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }
}
