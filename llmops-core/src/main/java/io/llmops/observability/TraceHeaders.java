package io.llmops.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The headers that carry a trace from one service to the next: W3C Trace Context's {@value
 * #TRACEPARENT} and this SDK's {@value #LLMOPS_TRACE_ID}. A caller gives them to the request it
 * sends ({@link #current()}, {@link #inject}, or {@link ExternalCall}, which also tells the
 * processor to wait for the called service's segment); the called service reads them ({@link
 * #read}) and records its work as part of the caller's trace ({@link TraceBuilder#remoteParent}).
 * Any carrier works: HTTP headers, SQS message attributes, Kafka record headers.
 *
 * <pre>{@code
 * // calling
 * HttpRequest.Builder request = HttpRequest.newBuilder(uri);
 * TraceHeaders.inject(request::header);
 *
 * // called
 * TraceManager.newTrace("get_profile")
 *     .remoteParent(TraceHeaders.read(exchange.getRequestHeaders()))
 *     .start();
 * }</pre>
 *
 * <p>Reading is strict: a header that is not exactly valid (wrong length or case, version {@code
 * ff}, all-zero ids, control characters, an oversized or repeated value, ids that disagree) is
 * ignored, counted ({@code propagation.headers_ignored}) and logged once, never echoed; the work is
 * then traced as if no header had come. Headers only ever choose ids: never a project, an
 * environment or anything else. Never throws, except IllegalArgumentException for a null argument;
 * an exception of the caller's own getter or setter is rethrown unchanged. Thread-safe.
 */
public final class TraceHeaders {

  /** W3C Trace Context's header: {@code 00-<32 hex trace id>-<16 hex span id>-<flags>}. */
  public static final String TRACEPARENT = "traceparent";

  /** This SDK's header: the caller's trace id, as its trace JSON writes it. */
  public static final String LLMOPS_TRACE_ID = "x-llmops-trace-id";

  /**
   * This SDK's response header: the id of the child segment the called service records for the
   * caller's trace (nothing else), so the caller can count the segments it expects.
   */
  public static final String LLMOPS_SEGMENT = "x-llmops-segment";

  private TraceHeaders() {}

  /**
   * The headers naming the current span as the caller, or an empty map when no span records on
   * this thread. Lowercase names, in the order {@value #TRACEPARENT}, {@value #LLMOPS_TRACE_ID}.
   */
  public static Map<String, String> current() {
    return of(Llmops.currentSpan());
  }

  /**
   * The headers naming {@code span} as the caller, or an empty map when it does not record.
   *
   * @throws IllegalArgumentException when {@code span} is null
   */
  public static Map<String, String> of(Span span) {
    if (span == null) {
      throw new IllegalArgumentException("span must not be null");
    }
    Map<String, String> headers = Engine.get().propagationHeaders(span);
    if (!headers.isEmpty()) {
      Engine.get().headersGivenToUser(span);
    }
    return headers;
  }

  /**
   * The headers to answer a request with when the current trace is the child segment that
   * request's caller asked for ({@link #LLMOPS_SEGMENT}: the segment's id), else an empty map.
   * The inbound HTTP filters send them; a service that resumes its caller's trace itself
   * ({@code TraceManager.newTrace(...).remoteParent(caller)}) sets them on its response before
   * the response is committed, so the caller knows a segment is coming.
   */
  public static Map<String, String> responseHeaders() {
    return Engine.get().segmentResponseHeaders();
  }

  /**
   * Gives the current span's headers to {@code setter} (say {@code request::header}); nothing
   * when no span records on this thread.
   *
   * @throws IllegalArgumentException when {@code setter} is null
   */
  public static void inject(BiConsumer<String, String> setter) {
    if (setter == null) {
      throw new IllegalArgumentException("setter must not be null");
    }
    current().forEach(setter);
  }

  /**
   * The caller named by the headers {@code header} returns (null for an absent header), or null
   * when they name none validly.
   *
   * @throws IllegalArgumentException when {@code header} is null
   */
  public static @Nullable RemoteParent read(Function<String, @Nullable String> header) {
    if (header == null) {
      throw new IllegalArgumentException("header must not be null");
    }
    return readValues(name -> {
      String value = header.apply(name);
      return value == null ? null : List.of(value);
    });
  }

  /**
   * Like {@link #read(Function)} for carriers that hold every value of a header (a header sent
   * twice is ignored): {@code headerValues} returns them all, or null or nothing when absent.
   *
   * @throws IllegalArgumentException when {@code headerValues} is null
   */
  public static @Nullable RemoteParent readValues(
      Function<String, ? extends @Nullable Iterable<String>> headerValues) {
    if (headerValues == null) {
      throw new IllegalArgumentException("headerValues must not be null");
    }
    return Engine.get().readRemoteParent(headerValues);
  }

  /**
   * Like {@link #read(Function)} for a map of headers, names matched without regard to case;
   * a value may be a string or an iterable of strings (as {@code HttpHeaders} and {@code
   * com.sun.net.httpserver.Headers} hold them).
   *
   * @throws IllegalArgumentException when {@code headers} is null
   */
  public static @Nullable RemoteParent read(Map<String, ?> headers) {
    if (headers == null) {
      throw new IllegalArgumentException("headers must not be null");
    }
    return readValues(name -> valuesOf(headers, name));
  }

  private static @Nullable List<String> valuesOf(Map<String, ?> headers, String name) {
    List<String> values = new ArrayList<>(1);
    for (Map.Entry<String, ?> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
        addValues(values, entry.getValue());
      }
    }
    return values;
  }

  private static void addValues(List<String> values, @Nullable Object value) {
    if (value instanceof Iterable<?> each) {
      for (Object one : each) {
        values.add(String.valueOf(one));
      }
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
  }
}
