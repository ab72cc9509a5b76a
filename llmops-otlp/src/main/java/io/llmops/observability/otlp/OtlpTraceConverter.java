package io.llmops.observability.otlp;

import io.llmops.observability.otlp.internal.TraceConversion;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a wire-format trace JSON (what {@code TraceMessage.traceJson()} holds, and what the
 * processor reads back from SQS) into OpenTelemetry {@link SpanData} carrying the GenAI semantic
 * conventions and Langfuse's keys, ready for any {@code SpanExporter}. docs/OTLP_LANGFUSE.md
 * lists every attribute.
 *
 * <p>Immutable and thread-safe.
 */
public final class OtlpTraceConverter {

  private final @Nullable String serviceName;

  private OtlpTraceConverter(@Nullable String serviceName) {
    this.serviceName = serviceName;
  }

  /**
   * A converter whose spans name {@code serviceName} as {@code service.name}; null to use each
   * trace's {@code project_id}.
   *
   * @throws IllegalArgumentException when {@code serviceName} is empty
   */
  public static OtlpTraceConverter create(@Nullable String serviceName) {
    if (serviceName != null && serviceName.isBlank()) {
      throw new IllegalArgumentException("serviceName must not be blank");
    }
    return new OtlpTraceConverter(serviceName);
  }

  /**
   * The spans of one trace, in the order the trace lists them. A span whose id, or whose
   * parent's id, cannot be a W3C span id (not a UUID or 16 hex digits, or all zero), or whose id
   * repeats one already converted, is left out and counted in
   * {@link ConvertedTrace#skippedSpans()}, since Langfuse rejects a whole request for one bad id.
   *
   * @throws IllegalArgumentException naming the field when {@code traceJson} is not a trace
   */
  public ConvertedTrace convert(byte[] traceJson) {
    return convert(traceJson, false);
  }

  /**
   * Like {@link #convert(byte[])}; with {@code linkRemoteParent}, a trace started for a caller
   * that speaks only W3C Trace Context has its root spans parented to the caller's span
   * ({@code llmops.remote_parent_span_id}), so that an OpenTelemetry backend shows caller and
   * callee as one trace. Leave it false for Langfuse, which takes a parentless span as the root.
   *
   * @throws IllegalArgumentException naming the field when {@code traceJson} is not a trace
   */
  public ConvertedTrace convert(byte[] traceJson, boolean linkRemoteParent) {
    TraceConversion.Result result = TraceConversion.convert(traceJson, serviceName,
        linkRemoteParent);
    return new ConvertedTrace(result.traceId(), result.spans(), result.skippedSpans());
  }

  /** One converted trace. Immutable. */
  public static final class ConvertedTrace {

    private final String traceId;
    private final List<SpanData> spans;
    private final int skippedSpans;

    ConvertedTrace(String traceId, List<SpanData> spans, int skippedSpans) {
      this.traceId = traceId;
      this.spans = spans;
      this.skippedSpans = skippedSpans;
    }

    /** The trace's 32-hex W3C id. */
    public String traceId() {
      return traceId;
    }

    /** The converted spans (unmodifiable). */
    public List<SpanData> spans() {
      return spans;
    }

    /** Spans of the trace left out because of an unusable or repeated id. */
    public int skippedSpans() {
      return skippedSpans;
    }
  }
}
