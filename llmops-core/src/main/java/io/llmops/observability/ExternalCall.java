package io.llmops.observability;

import io.llmops.observability.internal.common.Arguments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A call to another service that records its own part of this trace (a child segment): a span
 * for the call, the headers to send with it, and whether the called service answered. Once it
 * answered, the trace is sent with {@code has_external_segments: true} and the processor waits
 * for the called service's segment to merge it; a call that never reached the service (refused,
 * timed out, failed before an answer) leaves the flag false, so nothing waits for a segment that
 * cannot come. The exact rule: the flag is set when a call ends {@linkplain #answered() answered}
 * and this trace's headers were given out ({@link #headers()}, {@link #inject} or {@link
 * TraceHeaders}) while it was open. See docs/DISTRIBUTED_TRACING.md.
 *
 * <pre>{@code
 * Profile profile = ExternalCall.to("user_service").transport("http").call(call -> {
 *   HttpRequest.Builder request = HttpRequest.newBuilder(uri);
 *   call.inject(request::header);
 *   return http.send(request.build(), BodyHandlers.ofString());
 * });
 *
 * try (ExternalCall call = ExternalCall.to("user_service").start()) {
 *   Response response = client.get(url, call.headers());
 *   call.answered();
 * }
 * }</pre>
 *
 * <p>Never throws but IllegalArgumentException for bad arguments; the body's own exceptions are
 * rethrown unchanged. Its methods may be called from any thread; {@link #close()} ends the span
 * and restores the context of the thread that started it.
 */
public final class ExternalCall implements AutoCloseable {

  private final Span span;
  private final long headersGivenBefore;
  private final AtomicBoolean answered = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ExternalCall(Span span) {
    this.span = span;
    this.headersGivenBefore = Engine.get().headersGiven(span);
  }

  /**
   * A call to the service named {@code serviceName} (recorded as {@code external.service}).
   *
   * @throws IllegalArgumentException when {@code serviceName} is null or blank
   */
  public static Builder to(String serviceName) {
    return new Builder(Arguments.requireNonBlank(serviceName, "serviceName"));
  }

  /** The call's span (the caller the called service attaches its segment to). */
  public Span span() {
    return span;
  }

  /** The headers to send with the call; an empty map when tracing is off. */
  public Map<String, String> headers() {
    return Engine.get().propagationHeaders(span);
  }

  /**
   * Gives the call's headers to {@code setter} (say {@code request::header}).
   *
   * @throws IllegalArgumentException when {@code setter} is null
   */
  public void inject(BiConsumer<String, String> setter) {
    if (setter == null) {
      throw new IllegalArgumentException("setter must not be null");
    }
    headers().forEach(setter);
  }

  /** Says that the called service answered (any answer, an error status included). */
  public void answered() {
    answered.set(true);
  }

  /**
   * Says that the called service answered, and how to read the answer's headers ({@code
   * response::header}; null for an absent header), so that the segment the service records is
   * counted ({@code external_segments_expected}, from {@value TraceHeaders#LLMOPS_SEGMENT}).
   * Without the headers the trace is sent without a count, and the processor waits for its sweep.
   *
   * @throws IllegalArgumentException when {@code responseHeader} is null
   */
  public void answered(Function<String, @Nullable String> responseHeader) {
    if (responseHeader == null) {
      throw new IllegalArgumentException("responseHeader must not be null");
    }
    answered();
    String segment;
    try {
      segment = responseHeader.apply(TraceHeaders.LLMOPS_SEGMENT);
    } catch (RuntimeException e) {
      return; // the answer stays unread: the trace goes without a count
    }
    Engine.get().externalAnswer(span, segment);
  }

  /** Ends the call's span; the first call counts, later ones do nothing. Never throws. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean headersGiven = Engine.get().headersGiven(span) > headersGivenBefore;
    if (answered.get()) {
      span.setMetadata("external.answered", true);
      if (headersGiven) {
        Engine.get().expectExternalSegment(span);
      }
    }
    if (headersGiven && !Engine.get().externalAnswerRead(span)) {
      Engine.get().externalAnswerUnread(span);
    }
    span.close();
  }

  /** What an {@link ExternalCall} records; {@link #start()} or {@link #call} makes the call. */
  public static final class Builder {

    private final String serviceName;
    private String transport = "http";
    private @Nullable String spanName;
    private final Map<String, @Nullable Object> metadata = new LinkedHashMap<>();

    private Builder(String serviceName) {
      this.serviceName = serviceName;
    }

    /**
     * How the service is reached ({@code external.transport}): {@code http} unless set.
     *
     * @throws IllegalArgumentException when {@code transport} is null or blank
     */
    public Builder transport(String transport) {
      this.transport = Arguments.requireNonBlank(transport, "transport");
      return this;
    }

    /**
     * The span's name: the service name unless set.
     *
     * @throws IllegalArgumentException when {@code name} is null or blank
     */
    public Builder spanName(String name) {
      this.spanName = Arguments.requireNonBlank(name, "spanName");
      return this;
    }

    /**
     * Adds span metadata.
     *
     * @throws IllegalArgumentException when {@code key} is null
     */
    public Builder metadata(String key, @Nullable Object value) {
      if (key == null) {
        throw new IllegalArgumentException("metadata key must not be null");
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * Starts the call's span and makes it current on this thread; call {@link
     * ExternalCall#answered()} once the service answered, and close the call (try-with-resources)
     * when done.
     */
    public ExternalCall start() {
      return new ExternalCall(span().start());
    }

    /**
     * Like {@link #start()}, but the span is not made current: for a call that outlives the code
     * that starts it (an asynchronous client), made current where needed with {@code
     * span().makeCurrent()}.
     */
    public ExternalCall startDetached() {
      return new ExternalCall(span().startDetached());
    }

    private SpanBuilder span() {
      SpanBuilder span = Llmops.span(spanName != null ? spanName : serviceName)
          .metadata("external.service", serviceName)
          .metadata("external.transport", transport);
      metadata.forEach(span::metadata);
      return span;
    }

    /**
     * Runs {@code body} as the call: it sends the request with the headers it gets from the
     * call it is given. Returning normally means the service answered; an exception means it did
     * not (the span is marked failed and the exception rethrown unchanged).
     *
     * @return what {@code body} returned, also recorded as the span's output
     * @throws IllegalArgumentException when {@code body} is null (before any span starts)
     */
    public <T extends @Nullable Object, E extends Throwable> T call(
        ThrowingFunction<ExternalCall, T, E> body) throws E {
      if (body == null) {
        throw new IllegalArgumentException("body must not be null");
      }
      try (ExternalCall call = start()) {
        T result;
        try {
          result = body.apply(call);
        } catch (Throwable e) {
          call.span.recordException(e);
          throw e;
        }
        call.span.setOutput(result);
        call.answered();
        return result;
      }
    }
  }
}
