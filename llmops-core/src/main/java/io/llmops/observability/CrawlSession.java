package io.llmops.observability;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An open crawl or search session (a {@code crawl_session} span), ended by {@link #close()}:
 * use it with try-with-resources around the pages and events it covers. Its counters are
 * written to the session span's metadata when it ends. Without an active trace the handle is
 * inert: {@link #id()} is null.
 *
 * <p>Thread-safe: pages and events recorded on any thread count, and any thread may end the
 * session. No method throws.
 *
 * @see CrawlTelemetry
 */
public final class CrawlSession implements AutoCloseable {

  private final @Nullable ScopedSpan scoped;
  private final @Nullable String traceId;
  private final long sequence;
  private final AtomicLong pagesOk = new AtomicLong();
  private final AtomicLong pagesFailed = new AtomicLong();
  private final AtomicLong eventsTotal = new AtomicLong();
  private final AtomicLong eventsFailed = new AtomicLong();

  CrawlSession(@Nullable ScopedSpan scoped, long sequence) {
    this.scoped = scoped;
    this.traceId = scoped == null ? null : scoped.span.traceId();
    this.sequence = sequence;
  }

  /** The session span's id, or null for the inert handle. */
  public @Nullable String id() {
    return scoped == null ? null : scoped.span.spanId();
  }

  /** False for the inert handle and once the session has ended. */
  public boolean isRecording() {
    return scoped != null && !scoped.isEnded();
  }

  /** Pages fetched successfully so far. */
  public long pagesOk() {
    return pagesOk.get();
  }

  /** Pages that failed so far. */
  public long pagesFailed() {
    return pagesFailed.get();
  }

  /** Events recorded so far. */
  public long eventsTotal() {
    return eventsTotal.get();
  }

  /** Events that failed so far. */
  public long eventsFailed() {
    return eventsFailed.get();
  }

  /**
   * Marks the whole session failed (for example the crawler crashed); failed pages and events
   * alone do not fail the session.
   */
  public CrawlSession recordException(Throwable failure) {
    if (scoped != null) {
      scoped.span.recordException(failure);
    }
    return this;
  }

  /** Ends the session, writing its counters; idempotent. */
  @Override
  public void close() {
    if (scoped != null) {
      CrawlTelemetry.end(this);
    }
  }

  @Nullable String traceId() {
    return traceId;
  }

  long sequence() {
    return sequence;
  }

  @Nullable ScopedSpan scoped() {
    return scoped;
  }

  void countPage(boolean failed) {
    (failed ? pagesFailed : pagesOk).incrementAndGet();
  }

  void countEvent(boolean failed) {
    eventsTotal.incrementAndGet();
    if (failed) {
      eventsFailed.incrementAndGet();
    }
  }
}
