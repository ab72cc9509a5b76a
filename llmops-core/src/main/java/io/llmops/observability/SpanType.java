package io.llmops.observability;

/**
 * The kinds of span of the wire format; {@link #wireName()} is the exact {@code span_type} value.
 * Immutable.
 */
public enum SpanType {
  SPAN("span"),
  GENERATION("generation"),
  AGENT("agent"),
  TOOL("tool"),
  EVALUATION("evaluation"),
  TRANSACTION("transaction"),
  CRAWL_SESSION("crawl_session"),
  CRAWL_PAGE("crawl_page"),
  CRAWL_EVENT("crawl_event");

  private final String wireName;

  SpanType(String wireName) {
    this.wireName = wireName;
  }

  /** The value written as {@code span_type}. */
  public String wireName() {
    return wireName;
  }
}
