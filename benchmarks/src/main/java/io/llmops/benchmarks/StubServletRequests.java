package io.llmops.benchmarks;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet request and response without a container: a GET with browser-like headers, answered
 * 200. Dynamic proxies, so each call the filter makes costs a little more than a container's
 * would: the filter's measured overhead errs high.
 */
final class StubServletRequests {

  private StubServletRequests() {}

  private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("host", List.of("127.0.0.1:8080"));
    HEADERS.put("user-agent", List.of("Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0"));
    HEADERS.put("accept", List.of("application/json"));
    HEADERS.put("accept-encoding", List.of("gzip, deflate"));
    HEADERS.put("content-type", List.of("application/json"));
  }

  private static final HttpServletMapping MAPPING = new HttpServletMapping() {
    @Override
    public String getMatchValue() {
      return "rooms";
    }

    @Override
    public String getPattern() {
      return "/chat/*";
    }

    @Override
    public String getServletName() {
      return "chat";
    }

    @Override
    public MappingMatch getMappingMatch() {
      return MappingMatch.PATH;
    }
  };

  /** A fresh request (its attributes are its own). */
  static HttpServletRequest request() {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(StubServletRequests.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getMethod" -> "GET";
          case "getRequestURI" -> "/chat/rooms";
          case "getContextPath" -> "";
          case "getRemoteAddr" -> "127.0.0.1";
          case "getDispatcherType" -> DispatcherType.REQUEST;
          case "getHttpServletMapping" -> MAPPING;
          case "getHeaderNames" -> Collections.enumeration(HEADERS.keySet());
          case "getHeaders" -> Collections.enumeration(
              HEADERS.getOrDefault(((String) args[0]).toLowerCase(java.util.Locale.ROOT), List.of()));
          case "getAttribute" -> attributes.get((String) args[0]);
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          case "isAsyncStarted" -> false;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> null;
        });
  }

  /** A response answered 200. */
  static HttpServletResponse response() {
    return (HttpServletResponse) Proxy.newProxyInstance(StubServletRequests.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getStatus" -> 200;
          case "isCommitted" -> true;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> null;
        });
  }
}
