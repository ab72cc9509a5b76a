package io.llmops.observability.spi;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.internal.bridge.Bridge;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One outbound HTTP call being recorded, from {@link OutboundHttp#start}: its client span (or the
 * span it records onto, see {@link #ownsSpan()}), the trace headers to send, and what the call
 * did. Every method may be called from any thread and never throws; {@link #end()} counts once.
 */
public final class OutboundCall {

  private static final Scope NOTHING = () -> { };

  private final Span span;
  private final boolean ownsSpan;
  private final String statusKey;
  private final String errorKey;
  private final String latencyKey;
  private final OutboundSettings settings;
  private final Map<String, String> propagation;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();

  /** A call on its own client span, or ({@code ownsSpan} false) onto the span covering it. */
  OutboundCall(Span span, boolean ownsSpan, OutboundSettings settings,
      Map<String, String> propagation) {
    this.span = span;
    this.ownsSpan = ownsSpan;
    // On a covering span (a generation, an external call) the keys say they are the HTTP call's.
    this.statusKey = ownsSpan ? "status_code" : "http.status_code";
    this.errorKey = ownsSpan ? "error" : "http.error";
    this.latencyKey = ownsSpan ? "latency_ms" : "http.latency_ms";
    this.settings = settings;
    this.propagation = propagation;
  }

  /** The span the call is recorded on. */
  public Span span() {
    return span;
  }

  /**
   * Whether the call has a client span of its own; false when it records onto the span that
   * covers it (an external-service call or a generation), which it then never ends.
   */
  public boolean ownsSpan() {
    return ownsSpan;
  }

  /** The trace headers to send with the request; empty when the host is not to get them. */
  public Map<String, String> propagationHeaders() {
    return propagation;
  }

  /** Gives {@link #propagationHeaders()} to {@code setter} (say {@code request::header}). */
  public void inject(@Nullable BiConsumer<String, String> setter) {
    if (setter != null) {
      propagation.forEach(setter);
    }
  }

  /**
   * Makes the client span current on this thread, so that a client library layered below (an
   * interceptor over a woven client) sees the call is recorded already. Close it on this thread.
   */
  public Scope makeCurrent() {
    return ownsSpan ? span.makeCurrent() : NOTHING;
  }

  /** Whether bodies are previewed ({@code LLMOPS_HTTP_BODY_PREVIEW}); skip reading them if not. */
  public boolean previewsBodies() {
    return settings.bodyPreview();
  }

  /**
   * Whether a body of {@code contentType} would be previewed: previews are on, the call has its
   * own span, and the type is text (JSON, form, XML, {@code text/*} but not an event stream).
   * Read nothing of a body for which this is false.
   */
  public boolean previewsBody(@Nullable String contentType) {
    return settings.bodyPreview() && ownsSpan && HttpRedaction.isText(contentType);
  }

  /** The most bytes of a body worth handing to {@link #requestBody} or {@link #responseBody}. */
  public int previewBytes() {
    return settings.previewChars() * 4;
  }

  /**
   * The first {@code length} bytes of the request body, for a preview (text bodies only; never a
   * streamed body: hand over only bytes already in memory).
   */
  public void requestBody(@Nullable String contentType, byte @Nullable [] bytes, int length) {
    body("http.request.body_preview", contentType, bytes, length);
  }

  /** Like {@link #requestBody} for the response body. */
  public void responseBody(@Nullable String contentType, byte @Nullable [] bytes, int length) {
    body("http.response.body_preview", contentType, bytes, length);
  }

  /**
   * The response's status and headers (null when not known). When the request carried the trace
   * headers, the headers say whether the called service records a segment ({@value
   * io.llmops.observability.TraceHeaders#LLMOPS_SEGMENT}); without them the trace is sent without
   * {@code external_segments_expected}.
   */
  public void response(int status, @Nullable HeaderSource headers) {
    try {
      if (headers != null && !propagation.isEmpty()) {
        Bridge.core().externalAnswer(span, SegmentAnswer.read(headers));
      }
      span.setMetadata(statusKey, status);
      if (status >= 400) {
        span.setMetadata(errorKey, "HTTP " + status);
        if (ownsSpan) {
          SpanHooks.recordFailure(span, "HTTP " + status, "the server answered " + status);
        }
      }
      if (headers != null && settings.captureHeaders() && ownsSpan) {
        Map<String, String> recorded = HttpRedaction.headers(headers::forEachHeader);
        if (recorded != null) {
          span.setMetadata("http.response.headers", recorded);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      OutboundHttp.failed(e);
    }
  }

  /** The call failed without a response (refused, timed out, cancelled). */
  public void failed(@Nullable Throwable error) {
    if (error == null) {
      return;
    }
    try {
      span.setMetadata(errorKey, error.getClass().getName()
          + (error.getMessage() == null ? "" : ": " + error.getMessage()));
      if (ownsSpan) {
        span.recordException(error);
      }
    } catch (RuntimeException | LinkageError e) {
      OutboundHttp.failed(e);
    }
  }

  /** Ends the call: records its latency and ends its own span. The first call counts. */
  public void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      double millis = (System.nanoTime() - startNanos) / (double) TimeUnit.MILLISECONDS.toNanos(1);
      span.setMetadata(latencyKey, Math.round(millis * 1000) / 1000.0);
      // A covering ExternalCall checks its own answer when it closes.
      if (ownsSpan && !propagation.isEmpty() && !Bridge.core().externalAnswerRead(span)) {
        Bridge.core().externalAnswerUnread(span);
      }
      if (ownsSpan) {
        span.end();
      }
    } catch (RuntimeException | LinkageError e) {
      OutboundHttp.failed(e);
    }
  }

  private void body(String key, @Nullable String contentType, byte @Nullable [] bytes,
      int length) {
    if (!settings.bodyPreview() || bytes == null || length <= 0 || !ownsSpan) {
      return;
    }
    try {
      HttpRedaction.Preview preview = HttpRedaction.bodyPreview(contentType, bytes, length,
          settings.previewChars());
      if (preview != null) {
        span.setMetadata(key, preview.text());
        if (preview.truncated()) {
          span.setMetadata(key + "_truncated", true);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      OutboundHttp.failed(e);
    }
  }
}
