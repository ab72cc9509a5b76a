package io.llmops.observability.internal.engine;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.internal.common.Counters;
import io.llmops.observability.internal.model.ErrorInfo;

/**
 * What the public span-kind APIs (evaluations, transactions, crawl telemetry) may do to a span
 * beyond the {@link Span} interface. Calls on the no-op span do nothing. Internal.
 */
public final class SpanInternals {

  private SpanInternals() {}

  /**
   * Whether a span started under {@code context} joins an existing trace: the context has a
   * trace that is still open, or a span of a trace not yet sent. False means the span would be
   * dropped as late or would start an implicit trace of its own.
   */
  public static boolean hasLiveTrace(LlmopsContext context) {
    ActiveContext active = context.unwrap();
    TraceState trace = active.trace;
    if (trace == null) {
      return false;
    }
    return active.span != null ? !trace.isSent() : !trace.isFinalizing();
  }

  /**
   * Lets a span started by {@code builder} under a span of a trace already sent go out as a late
   * segment of that trace (a message of its own with the same trace id and {@code
   * metadata["llmops.segment"] = "late"}) instead of being dropped as late. For evaluations.
   */
  public static SpanBuilder allowLateSegment(SpanBuilder builder) {
    if (builder instanceof SpanBuilderImpl impl) {
      impl.lateSegment = true;
    }
    return builder;
  }

  /** Whether {@code context} names a span (of a live trace or of one already sent). */
  public static boolean hasSpan(LlmopsContext context) {
    ActiveContext active = context.unwrap();
    return active.trace != null && active.span != null;
  }

  /** Records {@code input_data.<key>} (a section beside args, kwargs and locals). */
  public static void setInputSection(Span span, String key, Object value) {
    if (span instanceof SpanState state) {
      state.setInputSection(key, value);
    }
  }

  /**
   * Marks the span failed for a failure known only as text: {@code error} becomes
   * {@code "<type>: <message>"}, level ERROR, no stack trace.
   */
  public static void recordFailure(Span span, String type, String message) {
    if (span instanceof SpanState state) {
      state.recordFailure(new ErrorInfo(type, message, ""));
    }
  }

  /**
   * The span outlives the method that started it (the method returned an asynchronous result).
   * If it is still open when its trace is sent (the finalize grace ran out), it goes with the
   * trace: its data so far, marked {@code "llmops.open": true}, counted in the trace's
   * {@code llmops.open_spans}; its later end is a late span. The root of an implicit trace,
   * whose end would send the trace, has its trace sent once {@code LLMOPS_FINALIZE_GRACE} has
   * passed from now.
   */
  public static void awaitEnd(Span span) {
    if (span instanceof SpanState state) {
      state.awaitEnd();
    }
  }

  /** Counts a loss under {@code dropped.<reason>} in the running runtime. */
  public static void countDropped(String reason) {
    Tracer.get().counters().increment(Counters.DROPPED_PREFIX + reason);
  }

  /**
   * Counts {@code losses} under {@code dropped.<reason>}, naming the counter without
   * invokedynamic: the agent calls this where the stack may be short, and linking a call site
   * the first time takes far more stack than the call.
   */
  public static void countDropped(String reason, long losses) {
    Tracer.get().counters().add(Counters.DROPPED_PREFIX.concat(reason), losses);
  }
}
