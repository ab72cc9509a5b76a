package io.llmops.observability.spi;

import io.llmops.observability.Llmops;
import io.llmops.observability.RemoteParent;
import io.llmops.observability.Scope;
import io.llmops.observability.SettingKey;
import io.llmops.observability.Span;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.TraceManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Traces inbound HTTP requests for the server filters (Servlet, the JDK's HttpServer, WebFlux):
 * one trace per request, named {@code {project}_{hostname}} unless configured, holding a server
 * span ({@code span.kind: server}, named {@code METHOD path}) under which the handler's spans
 * nest, with the method, path, route, status, client address, user agent and request headers
 * (redacted when exported, as everything is). A request that carries a caller's trace headers
 * ({@link TraceHeaders}) is recorded as that caller's child segment instead of a trace of its
 * own. Requests to the skipped paths are not traced. Never throws: a request it fails to trace
 * is served untraced (counted as {@value #COUNTER_FAILED}).
 *
 * <pre>{@code
 * TracedRequest traced = InboundHttp.start(view);        // null: not traced
 * try (Scope s = traced == null ? null : traced.makeCurrent()) { handler.handle(); }
 * traced.status(200); traced.end();                      // when the response is complete
 * }</pre>
 */
public final class InboundHttp {

  /** Paths not traced: exact paths, prefixes ending in {@code *}, suffixes starting with {@code *}. */
  public static final SettingKey<List<String>> SKIP_PATHS = SettingKey.of("LLMOPS_HTTP_SKIP_PATHS",
      SkipPaths::parse, "comma-separated paths, /prefix* or *suffix patterns",
      SkipPaths.DEFAULTS);

  /**
   * The trace name of a request: text in which {@code {project}}, {@code {hostname}}, {@code
   * {method}} and {@code {path}} are replaced; {@code {project}_{hostname}} unless set.
   */
  public static final SettingKey<String> TRACE_NAME = SettingKey.text("LLMOPS_HTTP_TRACE_NAME",
      "a trace name, with {project}, {hostname}, {method} or {path} placeholders",
      "{project}_{hostname}");

  /** Whether the request headers are recorded (redacted when exported). */
  public static final SettingKey<Boolean> CAPTURE_HEADERS =
      SettingKey.bool("LLMOPS_HTTP_CAPTURE_HEADERS", true);

  /** Requests the SDK failed to trace (they were served untraced). */
  public static final String COUNTER_FAILED = "http.server.trace_failed";

  /** At most this many header names are recorded per request. */
  private static final int MAX_HEADERS = 64;

  private static final PerConfiguration<InboundSettings> SETTINGS =
      new PerConfiguration<>(InboundSettings::of);

  private InboundHttp() {}

  /**
   * Starts tracing {@code request}: the trace and its server span, made current on no thread
   * ({@link TracedRequest#makeCurrent()} does that). Null when the request is not traced (a
   * skipped path, tracing off, or a failure, counted and logged).
   */
  public static @Nullable TracedRequest start(@Nullable InboundRequest request) {
    if (request == null) {
      return null;
    }
    try {
      InboundSettings current = SETTINGS.get();
      String path = request.path();
      if (current.skipPaths().contains(path)) {
        return null;
      }
      RemoteParent caller = TraceHeaders.readValues(request::headerValues);
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("method", request.method());
      input.put("path", path);
      try (Scope isolated = ContextHandOff.isolate()) {
        String traceId = TraceManager.newTrace(current.traceName(request.method(), path))
            .remoteParent(caller).metadata("http.request.method", request.method())
            .metadata("url.path", path).start();
        if (traceId == null) {
          return null;
        }
        Span span = Llmops.span(request.method() + " " + path)
            .metadata(TracedRequest.SPAN_KIND, "server")
            .metadata(requestMetadata(request, path, current.captureHeaders()))
            .input("request", input).startDetached();
        try (Scope ignored = span.makeCurrent()) {
          return new TracedRequest(span, ContextHandOff.capture(), input,
              TraceHeaders.responseHeaders());
        }
      }
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(COUNTER_FAILED);
      SdkLog.errorOnce("inbound-http-start", "llmops: a request could not be traced; it is served "
          + "untraced", e);
      return null;
    }
  }

  private static Map<String, Object> requestMetadata(InboundRequest request, String path,
      boolean withHeaders) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("http.request.method", request.method());
    metadata.put("url.path", path);
    String route = request.route();
    if (route != null) {
      metadata.put(TracedRequest.ROUTE, route);
    }
    String client = request.clientAddress();
    if (client != null) {
      metadata.put("client.address", client);
    }
    String userAgent = first(request.headerValues("user-agent"));
    if (userAgent != null) {
      metadata.put("user_agent.original", userAgent);
    }
    if (withHeaders) {
      metadata.put("http.request.headers", headers(request));
    }
    return metadata;
  }

  private static Map<String, String> headers(InboundRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : request.headerNames()) {
      if (headers.size() == MAX_HEADERS) {
        break;
      }
      Iterable<String> values = request.headerValues(name);
      if (name != null && values != null) {
        headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
      }
    }
    return headers;
  }

  private static @Nullable String first(@Nullable Iterable<String> values) {
    if (values == null) {
      return null;
    }
    for (String value : values) {
      return value;
    }
    return null;
  }
}
