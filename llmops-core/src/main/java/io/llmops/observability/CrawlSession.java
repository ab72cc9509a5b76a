package io.llmops.observability;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An open crawl or search session (a {@code crawl_session} span), ended by {@link #close()}:
 * use it with try-with-resources around the pages and events it covers. Its counters are
 * written to the session span's metadata when it ends. Without an active trace the handle is
 * inert: {@link #id()} is null. Thread-safe; no method throws.
 *
 * @see CrawlTelemetry
 */
public final class CrawlSession implements AutoCloseable {

  private final ScopedSpan scoped;
  private final String traceId;
  private final long sequence;
  private final AtomicLong pagesOk = new AtomicLong();
  private final AtomicLong pagesFailed = new AtomicLong();
  private final AtomicLong eventsTotal = new AtomicLong();
  private final AtomicLong eventsFailed = new AtomicLong();

  CrawlSession(ScopedSpan scoped, long sequence) {
    this.scoped = scoped;
    this.traceId = scoped == null ? null : scoped.span.traceId();
    this.sequence = sequence;
  }

  /** The session span's id, or null for the inert handle. */
  public String id() {
    return scoped == null ? null : scoped.span.spanId();
  }

  /** False for the inert handle and once the session has ended. */
  public boolean isRecording() {
    return scoped != null && !scoped.isEnded();
  }

  public long pagesOk() {
    return pagesOk.get();
  }

  public long pagesFailed() {
    return pagesFailed.get();
  }

  public long eventsTotal() {
    return eventsTotal.get();
  }

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

  String traceId() {
    return traceId;
  }

  long sequence() {
    return sequence;
  }

  ScopedSpan scoped() {
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
