package io.llmops.observability.spi;

import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.SpanBuilder;
import io.llmops.observability.internal.bridge.Bridge;
import org.jspecify.annotations.Nullable;

/**
 * What integrations may do with a span beyond the {@link Span} interface: spans that outlive the
 * call that started them, late segments of a trace already sent, sections of {@code input_data},
 * failures known only as text. Calls on a span that is not recording (the no-op span, a span of
 * a disabled SDK) do nothing. Thread-safe; never throws.
 */
public final class SpanHooks {

  private SpanHooks() {}

  /**
   * Whether a span started under {@code context} joins an existing trace: the context has a
   * trace that is still open, or a span of a trace not yet sent. False means the span would be
   * dropped as late or would start an implicit trace of its own.
   */
  public static boolean hasLiveTrace(@Nullable LlmopsContext context) {
    try {
      return context != null && Bridge.core().hasLiveTrace(context);
    } catch (RuntimeException | LinkageError e) {
      return failed(e, false);
    }
  }

  /** Whether {@code context} names a span (of a live trace or of one already sent). */
  public static boolean hasSpan(@Nullable LlmopsContext context) {
    try {
      return context != null && Bridge.core().hasSpan(context);
    } catch (RuntimeException | LinkageError e) {
      return failed(e, false);
    }
  }

  /**
   * Lets a span started by {@code builder} under a span of a trace already sent go out as a child
   * segment of that trace (a message of its own with the same trace id and {@code
   * is_child_segment: true}, which the processor merges) instead of being dropped as late.
   * Returns {@code builder}.
   */
  public static @Nullable SpanBuilder allowLateSegment(@Nullable SpanBuilder builder) {
    try {
      return builder == null ? null : Bridge.core().allowLateSegment(builder);
    } catch (RuntimeException | LinkageError e) {
      return failed(e, builder);
    }
  }

  /**
   * Records {@code value} as {@code input_data.<key>}, a section beside {@code args}, {@code
   * kwargs} and {@code locals}; captured, limited and redacted like every input.
   */
  public static void setInputSection(@Nullable Span span, @Nullable String key, @Nullable Object value) {
    try {
      if (span != null && key != null) {
        Bridge.core().setInputSection(span, key, value);
      }
    } catch (RuntimeException | LinkageError e) {
      failed(e, null);
    }
  }

  /**
   * Marks {@code span} failed for a failure known only as text (a stream's error event, an
   * HTTP status): {@code error} becomes {@code "<type>: <message>"}, level ERROR, no stack.
   */
  public static void recordFailure(@Nullable Span span, @Nullable String type, @Nullable String message) {
    try {
      if (span != null) {
        Bridge.core().recordFailure(span, type, message);
      }
    } catch (RuntimeException | LinkageError e) {
      failed(e, null);
    }
  }

  /**
   * Detaches {@code span} from the call that started it (the call returned an asynchronous
   * result that ends it later). If it is still open when its trace is sent (the finalize grace
   * ran out), it goes with the trace: its data so far, marked {@code "llmops.open": true},
   * counted in the trace's {@code llmops.open_spans}; its later end is a late span. The root of
   * an implicit trace, whose end would send the trace, has its trace sent once {@code
   * LLMOPS_FINALIZE_GRACE} has passed from now.
   */
  public static void awaitEnd(@Nullable Span span) {
    try {
      if (span != null) {
        Bridge.core().awaitEnd(span);
      }
    } catch (RuntimeException | LinkageError e) {
      failed(e, null);
    }
  }

  /**
   * Loads and initialises {@code integrationClasses} (an integration's own classes on its way to
   * the SDK) and what recording a span and capturing values need, for an integration whose first
   * recording may happen deep in a recursion: loading a class with no stack left breaks it for
   * the life of the JVM. Captures sample values only: no span, no trace.
   */
  public static void warmUp(Class<?>... integrationClasses) {
    try {
      Bridge.core().warmUp(integrationClasses);
    } catch (RuntimeException | LinkageError e) {
      failed(e, null);
    }
  }

  private static <T> @Nullable T failed(Throwable e, @Nullable T fallback) {
    SdkLog.errorOnce("span-hooks", "llmops internal error; the application is unaffected", e);
    return fallback;
  }
}
