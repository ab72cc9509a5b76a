package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.spi.SdkInfo;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A wire-format trace JSON (docs/WIRE_FORMAT.md) as OpenTelemetry spans. Stateless. */
public final class TraceConversion {

  /** Trace metadata naming the W3C caller's span (the core's, docs/DISTRIBUTED_TRACING.md). */
  private static final String REMOTE_PARENT_KEY = "llmops.remote_parent_span_id";
  private static final InstrumentationScopeInfo SCOPE =
      InstrumentationScopeInfo.create(SdkInfo.NAME, SdkInfo.VERSION, null);

  /**
   * The spans, how many spans of the trace could not be converted, and the Langfuse scores of its
   * converted evaluation spans.
   */
  public record Result(
      String traceId, List<SpanData> spans, int skippedSpans, List<EvaluationScores.Score> scores) {}

  private TraceConversion() {}

  /**
   * Converts one trace.
   *
   * @param serviceName {@code service.name} of every span; null for the trace's project id
   * @throws IllegalArgumentException naming the field when {@code traceJson} is not a trace
   */
  public static Result convert(byte[] traceJson, @Nullable String serviceName) {
    return convert(traceJson, serviceName, false);
  }

  /**
   * Converts one trace; with {@code linkRemoteParent}, a trace started for a caller that speaks
   * only W3C Trace Context (its metadata's {@code llmops.remote_parent_span_id}) has its root
   * spans parented to that caller's span, so that an OpenTelemetry backend shows caller and callee
   * as one trace. Not for Langfuse, which takes a parentless span as the trace's root.
   *
   * @throws IllegalArgumentException naming the field when {@code traceJson} is not a trace
   */
  public static Result convert(byte[] traceJson, @Nullable String serviceName,
      boolean linkRemoteParent) {
    JsonNode trace = parse(traceJson);
    String traceId = WireIds.traceId(JsonValues.text(trace, "trace_id"));
    if (traceId == null) {
      throw new IllegalArgumentException("trace_id must be a UUID or 32 hex digits, not all zero");
    }
    JsonNode spans = trace.get("spans");
    if (spans == null || !spans.isArray()) {
      throw new IllegalArgumentException("spans must be an array");
    }
    String environment = orDefault(JsonValues.text(trace, "environment"), "default");
    Resource resource = resource(trace, serviceName, environment);
    TraceAttributes traceAttributes = TraceAttributes.of(trace, environment);
    String remoteParent = linkRemoteParent ? remoteParent(trace) : null;
    List<SpanData> converted = new ArrayList<>(spans.size());
    List<EvaluationScores.Score> scores = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int skipped = 0;
    for (JsonNode span : spans) {
      SpanData data = span(span, traceId, resource, traceAttributes, remoteParent);
      if (data == null || !seen.add(data.getSpanId())) {
        skipped++;
      } else {
        converted.add(data);
        if ("evaluation".equals(JsonValues.text(span, "span_type"))) {
          scores.addAll(EvaluationScores.of(span, data.getSpanId(), traceId, environment));
        }
      }
    }
    return new Result(traceId, List.copyOf(converted), skipped, List.copyOf(scores));
  }

  private static JsonNode parse(byte[] traceJson) {
    if (traceJson == null) {
      throw new IllegalArgumentException("traceJson must not be null");
    }
    try {
      JsonNode trace = JsonValues.MAPPER.readTree(traceJson);
      if (trace == null || !trace.isObject()) {
        throw new IllegalArgumentException("traceJson must be a JSON object");
      }
      return trace;
    } catch (IOException e) {
      throw new IllegalArgumentException("traceJson must be valid JSON");
    }
  }

  private static Resource resource(JsonNode trace, @Nullable String serviceName, String environment) {
    AttributesBuilder attributes = Attributes.builder();
    String project = orDefault(JsonValues.text(trace, "project_id"), "unknown_service");
    attributes.put("service.name", serviceName != null ? serviceName : project);
    JsonNode metadata = trace.get("metadata");
    if (metadata != null && metadata.isObject()) {
      TraceAttributes.putText(attributes, "service.version", JsonValues.text(metadata, "version"));
    }
    attributes.put("deployment.environment.name", environment);
    attributes.put("telemetry.sdk.name", orDefault(JsonValues.text(trace, "sdk_name"), SdkInfo.NAME));
    attributes.put("telemetry.sdk.version",
        orDefault(JsonValues.text(trace, "sdk_version"), SdkInfo.VERSION));
    attributes.put("telemetry.sdk.language", "java");
    return Resource.create(attributes.build());
  }

  /** The W3C span id of the caller a trace was started for, or null. */
  private static @Nullable String remoteParent(JsonNode trace) {
    JsonNode metadata = trace.get("metadata");
    return metadata == null || !metadata.isObject() ? null
        : WireIds.spanId(JsonValues.text(metadata, REMOTE_PARENT_KEY));
  }

  /**
   * One span, or null when its id or its parent's is not usable; a root span is parented to
   * {@code remoteParent} when there is one.
   */
  private static @Nullable SpanData span(JsonNode span, String traceId, Resource resource,
      TraceAttributes traceAttributes, @Nullable String remoteParent) {
    if (!span.isObject()) {
      return null;
    }
    String spanId = WireIds.spanId(JsonValues.text(span, "span_id"));
    JsonNode parentField = JsonValues.present(span, "parent_span_id");
    String parentId = parentField == null ? null : WireIds.spanId(parentField.asText());
    if (spanId == null || (parentField != null && parentId == null)) {
      return null;
    }
    String where = "spans[" + JsonValues.text(span, "span_id") + "].";
    long start = JsonValues.epochNanos(span, "start_time", where);
    long end = Math.max(start, JsonValues.epochNanos(span, "end_time", where));
    String type = orDefault(JsonValues.text(span, "span_type"), "span");
    AttributesBuilder attributes = traceAttributes.everySpan().toBuilder();
    if (parentId == null) {
      attributes.putAll(traceAttributes.rootSpan());
    }
    attributes.putAll(SpanAttributes.of(span, type, start));
    boolean failed = "error".equals(JsonValues.text(span, "status"));
    return new WireSpanData(
        orDefault(JsonValues.text(span, "span_name"), type),
        "generation".equals(type) ? SpanKind.CLIENT : SpanKind.INTERNAL,
        context(traceId, spanId),
        parentId != null ? context(traceId, parentId)
            : remoteParent != null ? remoteContext(traceId, remoteParent) : SpanContext.getInvalid(),
        failed ? StatusData.create(StatusCode.ERROR, errorText(span)) : StatusData.ok(),
        start,
        end,
        attributes.build(),
        failed ? List.of(exceptionEvent(span, end)) : List.of(),
        resource,
        SCOPE);
  }

  private static SpanContext context(String traceId, String spanId) {
    return SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault());
  }

  private static SpanContext remoteContext(String traceId, String spanId) {
    return SpanContext.createFromRemoteParent(traceId, spanId, TraceFlags.getSampled(),
        TraceState.getDefault());
  }

  private static String errorText(JsonNode span) {
    String message = JsonValues.text(span, "status_message");
    return message != null ? message : orDefault(JsonValues.text(span, "error"), "");
  }

  /** The semantic conventions' {@code exception} event, from the span's {@code exception.*} metadata. */
  private static EventData exceptionEvent(JsonNode span, long end) {
    AttributesBuilder attributes = Attributes.builder();
    JsonNode metadata = span.get("metadata");
    if (metadata != null && metadata.isObject()) {
      for (String key : new String[] {"exception.type", "exception.message", "exception.stacktrace"}) {
        TraceAttributes.putText(attributes, key, JsonValues.text(metadata, key));
      }
    }
    return EventData.create(end, "exception", attributes.build());
  }

  private static String orDefault(@Nullable String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
