package io.llmops.observability;

/** Severity of a span, written as {@code level}; the values Langfuse understands. Immutable. */
public enum SpanLevel {
  DEBUG,
  DEFAULT,
  WARNING,
  ERROR
}
