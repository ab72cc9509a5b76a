package io.llmops.observability.spi;

import io.llmops.observability.Scope;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One inbound request being traced (from {@link InboundHttp#start}): its trace, and the server
 * span its handler's spans nest under. The filter makes it current around the handler ({@link
 * #makeCurrent()}), tells it the status, and ends it when the response is complete, on whichever
 * thread that happens. Thread-safe; never throws.
 */
public final class TracedRequest {

  /** Span metadata key: what the span stands for, as OpenTelemetry's span kind. */
  static final String SPAN_KIND = "span.kind";
  static final String STATUS_CODE = "http.response.status_code";
  static final String ROUTE = "http.route";

  private final Span span;
  private final @Nullable Object context;
  private final Map<String, Object> input;
  private final Map<String, String> responseHeaders;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int status;
  private volatile @Nullable Throwable failure;
  private volatile @Nullable String userId;
  private volatile @Nullable String sessionId;

  TracedRequest(Span span, @Nullable Object context, Map<String, Object> input,
      Map<String, String> responseHeaders) {
    this.span = span;
    this.context = context;
    this.input = input;
    this.responseHeaders = responseHeaders;
  }

  /**
   * The headers to set on the response before it is committed: the child segment's id ({@code
   * x-llmops-segment}) when the request resumed its caller's trace, so the caller counts the
   * segment; empty otherwise. They carry nothing else.
   */
  public Map<String, String> responseHeaders() {
    return responseHeaders;
  }

  /** The request's server span. */
  public Span span() {
    return span;
  }

  /**
   * The request's context as {@link ContextHandOff#capture()} gives it, for frameworks that carry
   * it themselves (a Reactor context); null when there is none.
   */
  public @Nullable Object context() {
    return context;
  }

  /**
   * Makes the request's trace and server span current on the calling thread until the scope is
   * closed; closing leaves the thread exactly as it was.
   */
  public Scope makeCurrent() {
    return ContextHandOff.attach(context);
  }

  /** The route template that matched, once the framework knows it. Null is ignored. */
  public void route(@Nullable String template) {
    if (template != null && !template.isBlank()) {
      span.setMetadata(ROUTE, template);
    }
  }

  /** The user the request was made by, set on the trace when it is sent. Null is ignored. */
  public void user(@Nullable String id) {
    if (id != null) {
      userId = id;
    }
  }

  /** The session the request belongs to, set on the trace when it is sent. Null is ignored. */
  public void session(@Nullable String id) {
    if (id != null) {
      sessionId = id;
    }
  }

  /** The response status. */
  public void status(int code) {
    status = code;
  }

  /** The handler failed with {@code error} (recorded on the server span; nothing is thrown). */
  public void failed(@Nullable Throwable error) {
    if (error != null) {
      failure = error;
    }
  }

  /**
   * Ends the server span and sends the trace (the first call; later ones do nothing). A status of
   * 500 and above, or a failure, marks the span failed.
   */
  public void end() {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try (Scope ignored = makeCurrent()) {
      int code = status;
      Throwable error = failure;
      if (code > 0) {
        span.setMetadata(STATUS_CODE, code);
      }
      if (error != null) {
        span.recordException(error);
      } else if (code >= 500) {
        SpanHooks.recordFailure(span, "HTTP " + code, "the server answered " + code);
      }
      Map<String, Object> output = new LinkedHashMap<>();
      if (code > 0) {
        output.put("status_code", code);
      }
      span.setOutput(output);
      span.end();
      TraceManager.finalizeTrace().userId(userId).sessionId(sessionId).input(input).output(output)
          .send();
    } catch (RuntimeException | LinkageError e) {
      SdkCounters.increment(InboundHttp.COUNTER_FAILED);
      SdkLog.errorOnce("inbound-http-end", "llmops: a request's trace could not be ended; the "
          + "response is unaffected", e);
    }
  }
}
