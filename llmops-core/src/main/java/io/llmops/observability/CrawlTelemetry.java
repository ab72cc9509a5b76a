package io.llmops.observability;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Crawl and search telemetry (Scrapy- or Tavily-style workflows): a {@code crawl_session} span
 * with aggregate counters, a {@code crawl_page} span per fetched page and a {@code crawl_event}
 * span per other step (search request, rerank, parse).
 *
 * <pre>{@code
 * try (CrawlSession session = CrawlTelemetry.crawlSession("scrapy", "climate data", Map.of("run", "1"))) {
 *   CrawlTelemetry.recordCrawlEvent("search_request", Map.of("q", "climate data"), "ok", 15L, null);
 *   CrawlTelemetry.recordCrawlPage("https://docs.example.com/guide", "climate data", 200, 120L, null);
 *   CrawlTelemetry.recordCrawlPage("https://docs.example.com/missing", null, 404, 40L, "not found");
 * }
 * }</pre>
 *
 * <p><b>Nesting.</b> A session's parent is the span current when it starts; until it ends it is
 * the current span of the starting thread, so pages, events and other spans recorded there (or
 * on threads carrying that context with {@link LlmopsContext#wrap}) nest under it. Pages and
 * events are children of whatever span is current when they are recorded.
 *
 * <p><b>Counters.</b> A page or event counts toward the session that is the current span, or
 * else toward the most recently started open session of the same trace. A page fails when an
 * error is given or its status code is 400 or more; an event fails when a failure reason is
 * given or its status is {@code error}, {@code failed}, {@code failure} or {@code fail}. A
 * failed page or event is a failed span ({@code status: "error"}), yet the session still
 * completes normally. The counters are written as {@code crawl.pages_ok}, {@code
 * crawl.pages_fail}, {@code crawl.events_total} and {@code crawl.events_fail} when the session
 * ends; pages recorded after that are not counted.
 *
 * <p><b>Redaction.</b> URLs and queries (strings or maps) are recorded in span metadata, which
 * the exporter's redactor processes like every exported string: credentials in URLs,
 * {@code token=...} style parameters and values under sensitive keys ({@code api_key}, ...) are
 * masked before anything leaves the process.
 *
 * <p>Without an active trace nothing is recorded and the functions return null (no implicit
 * trace is started). Only IllegalArgumentException for invalid arguments is ever thrown, where
 * the method says so.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class CrawlTelemetry {

  public static final String SESSION_SPAN_NAME = "crawl_session";
  public static final String PAGE_SPAN_NAME = "crawl_page";

  public static final String PROVIDER = "crawl.provider";
  public static final String QUERY = "crawl.query";
  public static final String URL = "crawl.url";
  public static final String STATUS_CODE = "crawl.status_code";
  public static final String LATENCY_MS = "crawl.latency_ms";
  public static final String ERROR = "crawl.error";
  public static final String EVENT_TYPE = "crawl.event_type";
  public static final String STATUS = "crawl.status";
  public static final String DURATION_MS = "crawl.duration_ms";
  public static final String FAILURE_REASON = "crawl.failure_reason";
  /** Whether the page or event succeeded (boolean). */
  public static final String OK = "crawl.ok";
  public static final String PAGES_OK = "crawl.pages_ok";
  public static final String PAGES_FAIL = "crawl.pages_fail";
  public static final String EVENTS_TOTAL = "crawl.events_total";
  public static final String EVENTS_FAIL = "crawl.events_fail";

  /** Error type of a failed page ({@code error: "CrawlPageError: <error or HTTP status>"}). */
  public static final String PAGE_ERROR_TYPE = "CrawlPageError";
  /** Error type of a failed event. */
  public static final String EVENT_ERROR_TYPE = "CrawlEventError";

  private static final Set<String> FAILED_STATUSES = Set.of("error", "failed", "failure", "fail");
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private CrawlTelemetry() {}

  /**
   * Starts a session for try-with-resources.
   *
   * @param provider the crawler or search service ({@code crawl.provider}); may be null
   * @param query the query, a string or a map ({@code crawl.query}); may be null
   * @param metadata further span metadata; may be null
   * @return the session, never null: without an active trace, an inert one
   * @throws IllegalArgumentException when {@code metadata} has a null key
   */
  public static CrawlSession crawlSession(
      @Nullable String provider, @Nullable Object query, @Nullable Map<String, ?> metadata) {
    SpanBuilder builder = Llmops.spanBuilder(SESSION_SPAN_NAME, SpanType.CRAWL_SESSION);
    if (metadata != null) {
      builder.metadata(metadata);
    }
    putIfNotNull(builder, PROVIDER, provider);
    putIfNotNull(builder, QUERY, query);
    ScopedSpan scoped = ScopedSpan.start(builder, open());
    CrawlSession session = new CrawlSession(scoped, SEQUENCE.incrementAndGet());
    if (scoped != null) {
      open().put(scoped.span.spanId(), session);
    }
    return session;
  }

  /**
   * Starts a session; end it with {@link #endCrawlSession}. Arguments as for {@link
   * #crawlSession}.
   *
   * @return the session span's id, or null without an active trace
   * @throws IllegalArgumentException when {@code metadata} has a null key
   */
  public static @Nullable String startCrawlSession(
      @Nullable String provider, @Nullable Object query, @Nullable Map<String, ?> metadata) {
    return crawlSession(provider, query, metadata).id();
  }

  /**
   * Ends a session started by {@link #startCrawlSession}, writing its counters.
   *
   * @return true if this call ended it; false for null, unknown or already-ended ids. Never
   *     throws.
   */
  public static boolean endCrawlSession(@Nullable String sessionId) {
    CrawlSession session = sessionId == null ? null : open().get(sessionId);
    return session != null && end(session);
  }

  /**
   * Records a page fetch without a query or error; see the five-argument form.
   *
   * @throws IllegalArgumentException as the five-argument form
   */
  public static @Nullable String recordCrawlPage(
      String url, @Nullable Integer statusCode, @Nullable Long latencyMs) {
    return recordCrawlPage(url, null, statusCode, latencyMs, null);
  }

  /**
   * Records a fetched page as a {@code crawl_page} span.
   *
   * @param url the page URL (required)
   * @param query the query that led to it, a string or a map; may be null
   * @param statusCode the HTTP status, or null when there was no response
   * @param latencyMs the fetch time in milliseconds ({@code crawl.latency_ms}), or null
   * @param error what went wrong, or null
   * @return the page span's id; null without an active trace, or when an argument is invalid
   *     ({@code url} null or blank, {@code statusCode} outside 0 to 999, {@code latencyMs}
   *     negative): the call is then ignored and counted as {@code
   *     invalid_argument.recordCrawlPage}. Never throws.
   */
  public static @Nullable String recordCrawlPage(String url, @Nullable Object query,
      @Nullable Integer statusCode, @Nullable Long latencyMs, @Nullable String error) {
    String invalid = url == null || url.isBlank() ? "url"
        : statusCode != null && (statusCode < 0 || statusCode > 999) ? "statusCode"
        : latencyMs != null && latencyMs < 0 ? "latencyMs" : null;
    if (invalid != null) {
      Engine.get().ignoredInvalidArgument("recordCrawlPage", invalid);
      return null;
    }
    boolean failed = error != null || (statusCode != null && statusCode >= 400);
    SpanBuilder builder = Llmops.spanBuilder(PAGE_SPAN_NAME, SpanType.CRAWL_PAGE)
        .metadata(URL, url);
    putIfNotNull(builder, QUERY, query);
    putIfNotNull(builder, STATUS_CODE, statusCode);
    putIfNotNull(builder, LATENCY_MS, latencyMs);
    putIfNotNull(builder, ERROR, error);
    String failure = error != null ? error : "HTTP " + statusCode;
    return recordChild(builder, failed, PAGE_ERROR_TYPE, failure, CrawlSession::countPage);
  }

  /**
   * Records a workflow step without a query or failure reason; see the five-argument form.
   */
  public static @Nullable String recordCrawlEvent(
      String eventType, @Nullable String status, @Nullable Long durationMs) {
    return recordCrawlEvent(eventType, null, status, durationMs, null);
  }

  /**
   * Records a step that is not a page fetch (search request, rerank, parse) as a {@code
   * crawl_event} span named after {@code eventType}.
   *
   * @param query the query involved, a string or a map; may be null
   * @param status the outcome ({@code crawl.status}), for example {@code ok} or {@code failed};
   *     may be null
   * @param durationMs how long it took ({@code crawl.duration_ms}), or null
   * @param failureReason why it failed, or null
   * @return the event span's id; null without an active trace, or when an argument is invalid
   *     ({@code eventType} null or blank, {@code durationMs} negative): the call is then ignored
   *     and counted as {@code invalid_argument.recordCrawlEvent}. Never throws.
   */
  public static @Nullable String recordCrawlEvent(String eventType, @Nullable Object query,
      @Nullable String status, @Nullable Long durationMs, @Nullable String failureReason) {
    String invalid = eventType == null || eventType.isBlank() ? "eventType"
        : durationMs != null && durationMs < 0 ? "durationMs" : null;
    if (invalid != null) {
      Engine.get().ignoredInvalidArgument("recordCrawlEvent", invalid);
      return null;
    }
    boolean failed = failureReason != null
        || (status != null && FAILED_STATUSES.contains(status.toLowerCase(Locale.ROOT)));
    SpanBuilder builder = Llmops.spanBuilder(eventType, SpanType.CRAWL_EVENT)
        .metadata(EVENT_TYPE, eventType);
    putIfNotNull(builder, QUERY, query);
    putIfNotNull(builder, STATUS, status);
    putIfNotNull(builder, DURATION_MS, durationMs);
    putIfNotNull(builder, FAILURE_REASON, failureReason);
    String failure = failureReason != null ? failureReason : "status " + status;
    return recordChild(builder, failed, EVENT_ERROR_TYPE, failure, CrawlSession::countEvent);
  }

  static boolean end(CrawlSession session) {
    ScopedSpan scoped = session.scoped();
    if (scoped.isEnded()) {
      return false;
    }
    open().remove(scoped.span.spanId(), session);
    scoped.span.setMetadata(PAGES_OK, session.pagesOk())
        .setMetadata(PAGES_FAIL, session.pagesFailed())
        .setMetadata(EVENTS_TOTAL, session.eventsTotal())
        .setMetadata(EVENTS_FAIL, session.eventsFailed());
    return scoped.end();
  }

  /** Records a page or event span and counts it in the session it belongs to, if any. */
  private static @Nullable String recordChild(SpanBuilder builder, boolean failed, String errorType,
      String failure, BiConsumer<CrawlSession, Boolean> count) {
    if (!Engine.get().hasLiveTrace(LlmopsContext.current())) {
      return null;
    }
    Span span = builder.metadata(OK, !failed).startDetached();
    if (!span.isRecording()) {
      return null;
    }
    if (failed) {
      Engine.get().recordFailure(span, errorType, failure);
    }
    span.end();
    CrawlSession session = sessionForCurrentContext();
    if (session != null) {
      count.accept(session, failed);
    }
    return span.spanId();
  }

  /** The session that is the current span, else the newest open session of the current trace. */
  private static @Nullable CrawlSession sessionForCurrentContext() {
    LlmopsContext context = LlmopsContext.current();
    String spanId = context.spanId();
    CrawlSession direct = spanId == null ? null : open().get(spanId);
    if (direct != null) {
      return direct;
    }
    String traceId = context.traceId();
    CrawlSession newest = null;
    for (CrawlSession candidate : open().values()) {
      if (candidate.traceId().equals(traceId)
          && (newest == null || candidate.sequence() > newest.sequence())) {
        newest = candidate;
      }
    }
    return newest;
  }

  private static void putIfNotNull(SpanBuilder builder, String key, @Nullable Object value) {
    if (value != null) {
      builder.metadata(key, value);
    }
  }

  /** The open crawl sessions of the running runtime, by id. */
  private static ConcurrentHashMap<String, CrawlSession> open() {
    return Engine.get().openRegistry("crawl_sessions");
  }
}
