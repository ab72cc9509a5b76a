package io.llmops.observability.internal.engine;

/** What is current on a thread: a trace and, within it, a span (either may be null). Internal. */
public final class ActiveContext {

  public static final ActiveContext EMPTY = new ActiveContext(null, null);

  final TraceState trace;
  final SpanState span;

  ActiveContext(TraceState trace, SpanState span) {
    this.trace = trace;
    this.span = span;
  }

  public String traceId() {
    return trace == null ? null : trace.traceId;
  }

  public String spanId() {
    return span == null ? null : span.spanId();
  }
}
