package io.llmops.observability.spi;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.OutboundHttpInstrumentation;
import io.llmops.observability.Scope;
import io.llmops.observability.SettingKey;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.SpanType;
import io.llmops.observability.internal.bridge.Bridge;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records outbound HTTP calls for the client integrations (JDK HttpClient, OkHttp, Apache
 * HttpClient 5, Spring; woven or explicit), one rule for all (docs/OUTBOUND_HTTP.md):
 *
 * <ul>
 *   <li>a call is recorded only inside a live trace, only for a library that is {@linkplain
 *       OutboundHttpInstrumentation enabled}, and never for the SDK's own calls ({@link
 *       #suppress()});
 *   <li>inside a call already recorded (a Spring interceptor over a woven client), it is not
 *       recorded again: {@link #start} returns null;
 *   <li>inside an {@code ExternalCall} span ({@code @TrackExternalService}), or to a model API
 *       inside a generation, it records onto that span ({@code http.*} keys) and gets no span of
 *       its own: one call, one span;
 *   <li>otherwise it gets a client span, a child of the current span: {@code outbound_http},
 *       {@code span.kind: client}, {@code method}, {@code url} (redacted), {@code status_code},
 *       {@code latency_ms}, {@code http.client.library}, {@code http.call_mode}, {@code error}.
 * </ul>
 *
 * Trace headers go only to the hosts of {@link #PROPAGATE_HOSTS}, and always to the service of
 * an {@code ExternalCall}. Never throws: a call it fails to record is made unrecorded (counted as
 * {@value #COUNTER_FAILED}).
 *
 * <pre>{@code
 * OutboundCall call = OutboundHttp.start(request);     // null: not recorded
 * if (call != null) call.inject(builder::header);
 * try (Scope s = call == null ? null : call.makeCurrent()) { response = send(); }
 * call.response(response.code(), response::forEachHeader); call.end();
 * }</pre>
 */
public final class OutboundHttp {

  /** Hosts that get the trace headers: {@code *}, {@code host}, {@code host:port}, {@code *.domain}. */
  public static final SettingKey<List<String>> PROPAGATE_HOSTS = SettingKey.of(
      "LLMOPS_PROPAGATE_HOSTS", OutboundHttp::parseList,
      "comma-separated hosts: host, host:port, *.domain or *", List.of());

  /** Whether request and response bodies are previewed (redacted, truncated); off unless set. */
  public static final SettingKey<Boolean> BODY_PREVIEW =
      SettingKey.bool("LLMOPS_HTTP_BODY_PREVIEW", false);

  static final int DEFAULT_PREVIEW_CHARS = 1024;

  /** The most characters of a body preview. */
  public static final SettingKey<Integer> BODY_PREVIEW_CHARS = SettingKey.integer(
      "LLMOPS_HTTP_BODY_PREVIEW_CHARS", 16, 65_536, DEFAULT_PREVIEW_CHARS);

  /** Calls the SDK failed to record (they were made unrecorded). */
  public static final String COUNTER_FAILED = "http.client.trace_failed";
  /** URLs, headers or bodies left out because redacting them failed. */
  public static final String COUNTER_REDACTION_FAILED = "http.client.redaction_failed";

  /**
   * Set on a generation by a framework integration (llmops-spring-ai) whose span is current
   * while the framework makes the model's HTTP call: a call under it records onto it whatever
   * the host (a self-hosted or proxied model API included), as for the well-known model hosts.
   */
  public static final String FRAMEWORK_GENERATION = "llm.framework";

  /** The metadata key that marks a client span. */
  static final String OUTBOUND = "outbound_http";
  private static final String EXTERNAL_SERVICE = "external.service";

  /** How deep the calling thread is in the SDK's own calls. */
  private static final ThreadLocal<int[]> SUPPRESSED = ThreadLocal.withInitial(() -> new int[1]);

  private static final PerConfiguration<OutboundSettings> SETTINGS =
      new PerConfiguration<>(OutboundSettings::of);

  private OutboundHttp() {}

  /**
   * Starts recording {@code request}: null when it is not recorded (see the class comment). The
   * client span is not made current ({@link OutboundCall#makeCurrent()} does that).
   */
  public static @Nullable OutboundCall start(@Nullable OutboundRequest request) {
    if (request == null || SUPPRESSED.get()[0] > 0) {
      return null;
    }
    try {
      if (!OutboundHttpInstrumentation.isEnabled(request.library())
          || !SpanHooks.hasLiveTrace(LlmopsContext.current())) {
        return null;
      }
      Span current = Llmops.currentSpan();
      if (current.isRecording() && Boolean.TRUE.equals(metadata(current, OUTBOUND))) {
        return null;
      }
      OutboundSettings now = SETTINGS.get();
      UrlParts parts = UrlParts.parse(request.url());
      String redacted = HttpRedaction.url(parts);
      if (current.isRecording() && metadata(current, EXTERNAL_SERVICE) != null) {
        return joined(current, request, redacted, now,
            Bridge.core().propagationHeaders(current));
      }
      if (current.isRecording() && current.type() == SpanType.GENERATION
          && (KnownLlmHosts.contains(parts.host())
              || metadata(current, FRAMEWORK_GENERATION) != null)) {
        return joined(current, request, redacted, now, Map.of());
      }
      return own(request, parts, redacted, now);
    } catch (RuntimeException | LinkageError e) {
      failed(e);
      return null;
    }
  }

  /**
   * Marks the calling thread's calls as the SDK's own until the scope is closed: none of them is
   * recorded (the judge's model calls, the exporters' requests). Nests.
   */
  public static Scope suppress() {
    int[] depth = SUPPRESSED.get();
    depth[0]++;
    return () -> depth[0]--;
  }

  private static OutboundCall own(OutboundRequest request, UrlParts parts,
      @Nullable String redactedUrl, OutboundSettings now) {
    String method = Objects.requireNonNullElse(request.method(), "GET");
    SpanBuilder span = Llmops.span(method + " " + parts.hostAndPort())
        .metadata(OUTBOUND, true)
        .metadata(TracedRequest.SPAN_KIND, "client")
        .metadata("method", method)
        .metadata("server.address", parts.host())
        .metadata("http.client.library", request.library().libraryName())
        .metadata("http.call_mode", request.async() ? "async" : "sync");
    if (redactedUrl != null) {
      span.metadata("url", redactedUrl);
    }
    if (now.captureHeaders()) {
      Map<String, String> headers = HttpRedaction.headers(request::forEachHeader);
      if (headers != null) {
        span.metadata("http.request.headers", headers);
      }
    }
    Span started = span.startDetached();
    Map<String, String> propagation = now.propagateTo().matches(parts.host(), parts.port())
        ? Bridge.core().propagationHeaders(started) : Map.of();
    return new OutboundCall(started, true, now, propagation);
  }

  private static OutboundCall joined(Span covering, OutboundRequest request,
      @Nullable String redactedUrl, OutboundSettings now, Map<String, String> propagation) {
    covering.setMetadata("http.client.library", request.library().libraryName());
    covering.setMetadata("http.method", request.method());
    if (redactedUrl != null) {
      covering.setMetadata("http.url", redactedUrl);
    }
    return new OutboundCall(covering, false, now, propagation);
  }

  private static @Nullable Object metadata(Span span, String key) {
    return Bridge.core().metadataValue(span, key);
  }

  static void failed(Throwable e) {
    SdkCounters.increment(COUNTER_FAILED);
    SdkLog.errorOnce("outbound-http", "llmops: an outbound HTTP call could not be recorded; it is "
        + "made unrecorded", e);
  }

  private static @Nullable List<String> parseList(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
