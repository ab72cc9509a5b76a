package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The spans of an OTLP request as wire-format traces (docs/WIRE_FORMAT.md), one partial trace per
 * trace id: what the SDK's {@code OtlpTraceConverter} wrote (docs/OTLP_LANGFUSE.md: GenAI keys,
 * Langfuse keys, usage, cost, trace attributes, span types) read back, and any other
 * OpenTelemetry span with GenAI conventions read as far as they go. Attributes neither names
 * become span metadata. Stateless.
 */
final class OtlpSpans {

  /** What a request held: the partial traces, and the spans left out for unusable ids. */
  record Result(List<ObjectNode> traces, int skippedSpans) {}

  private static final String OBSERVATION_METADATA = "langfuse.observation.metadata.";
  private static final String TRACE_METADATA = "langfuse.trace.metadata.";
  /** Keys read into the span or the trace, or repeated trace-level keys: not metadata. */
  private static final Set<String> MAPPED = Set.of(
      "langfuse.observation.type", "langfuse.observation.input", "langfuse.observation.output",
      "langfuse.observation.level", "langfuse.observation.status_message", "langfuse.observation.model.name",
      "langfuse.observation.usage_details", "langfuse.observation.cost_details",
      "langfuse.observation.completion_start_time", "langfuse.observation.prompt.name",
      "langfuse.observation.prompt.version", "gen_ai.request.model", "gen_ai.response.model",
      "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
      "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.reasoning.output_tokens",
      "gen_ai.operation.name", "gen_ai.response.finish_reasons", "gen_ai.tool.name", "gen_ai.tool.call.id",
      "gen_ai.evaluation.name", "gen_ai.evaluation.score.value", "gen_ai.evaluation.score.label",
      "gen_ai.evaluation.explanation", "gen_ai.input.messages", "gen_ai.output.messages",
      "llmops.span_id", "langfuse.trace.name", "langfuse.user.id", "user.id", "langfuse.session.id",
      "session.id", "gen_ai.conversation.id", "langfuse.trace.tags", "langfuse.environment",
      "langfuse.release", "langfuse.version", "langfuse.trace.input", "langfuse.trace.output");
  /** Langfuse's observation types back to the wire format's span types, where the original is not sent. */
  private static final Map<String, String> SPAN_TYPES = Map.of(
      "generation", "generation", "agent", "agent", "tool", "tool", "evaluator", "evaluation",
      "chain", "transaction", "event", "crawl_event");
  private static final Map<String, String> OPERATION_TYPES = Map.of(
      "chat", "generation", "text_completion", "generation", "generate_content", "generation",
      "execute_tool", "tool", "invoke_agent", "agent", "create_agent", "agent");

  private OtlpSpans() {}

  static Result of(ExportTraceServiceRequest request) {
    Map<String, ObjectNode> traces = new LinkedHashMap<>();
    int skipped = 0;
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, JsonNode> resource = OtlpValues.attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          String traceId = OtlpValues.traceId(span.getTraceId().toByteArray());
          if (traceId == null || span.getSpanId().size() != 8) {
            skipped++;
            continue;
          }
          ObjectNode trace = traces.computeIfAbsent(traceId, id -> newTrace(id, resource));
          Map<String, JsonNode> attributes = OtlpValues.attributes(span.getAttributesList());
          readTraceKeys(trace, attributes, span);
          trace.withArray("spans").add(span(span, attributes));
        }
      }
    }
    return new Result(List.copyOf(traces.values()), skipped);
  }

  private static ObjectNode newTrace(String traceId, Map<String, JsonNode> resource) {
    ObjectNode trace = JsonNodeFactory.instance.objectNode();
    trace.put("trace_id", traceId);
    putText(trace, "project_id", OtlpValues.text(resource, "service.name"));
    putText(trace, "environment", OtlpValues.text(resource, "deployment.environment.name", "deployment.environment"));
    putText(trace, "sdk_name", OtlpValues.text(resource, "telemetry.sdk.name"));
    putText(trace, "sdk_version", OtlpValues.text(resource, "telemetry.sdk.version"));
    trace.putArray("spans");
    return trace;
  }

  /** The trace-level keys every span carries, and those only a root span carries. */
  private static void readTraceKeys(ObjectNode trace, Map<String, JsonNode> attributes, Span span) {
    putText(trace, "trace_name", OtlpValues.text(attributes, "langfuse.trace.name"));
    putText(trace, "user_id", OtlpValues.text(attributes, "langfuse.user.id", "user.id"));
    putText(trace, "session_id", OtlpValues.text(attributes, "langfuse.session.id", "session.id", "gen_ai.conversation.id"));
    if (!trace.has("environment")) {
      putText(trace, "environment", OtlpValues.text(attributes, "langfuse.environment"));
    }
    JsonNode tags = attributes.get("langfuse.trace.tags");
    if (tags != null && tags.isArray()) {
      trace.set("tags", tags);
    }
    if (!span.getParentSpanId().isEmpty()) {
      return;
    }
    if (!trace.hasNonNull("trace_name")) {
      trace.put("trace_name", span.getName());
    }
    attributes.forEach((key, value) -> {
      if (key.startsWith(TRACE_METADATA)) {
        trace.with("metadata").set(key.substring(TRACE_METADATA.length()), OtlpValues.parsedIfJson(value));
      }
    });
    putParsed(trace, "trace_input", attributes.get("langfuse.trace.input"));
    putParsed(trace, "trace_output", attributes.get("langfuse.trace.output"));
  }

  private static ObjectNode span(Span span, Map<String, JsonNode> attributes) {
    ObjectNode wire = JsonNodeFactory.instance.objectNode();
    String sdkSpanId = OtlpValues.text(attributes, "llmops.span_id");
    wire.put("span_id", sdkSpanId != null ? sdkSpanId : OtlpValues.hex(span.getSpanId().toByteArray()));
    // 16 hex digits; the parent's full id, when it is a span of this trace, is put back on joining.
    wire.put("parent_span_id", span.getParentSpanId().size() == 8
        ? OtlpValues.hex(span.getParentSpanId().toByteArray()) : null);
    wire.put("span_name", span.getName());
    String type = spanType(attributes);
    wire.put("span_type", type);
    double start = OtlpValues.epochSeconds(span.getStartTimeUnixNano());
    double end = OtlpValues.epochSeconds(Math.max(span.getStartTimeUnixNano(), span.getEndTimeUnixNano()));
    wire.put("start_time", start);
    wire.put("end_time", end);
    wire.put("duration_ms", Math.round((end - start) * 1000));
    boolean failed = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
    wire.put("status", failed ? "error" : "success");
    String statusMessage = OtlpValues.text(attributes, "langfuse.observation.status_message");
    putText(wire, "status_message", statusMessage != null || !failed ? statusMessage : span.getStatus().getMessage());
    putText(wire, "level", OtlpValues.text(attributes, "langfuse.observation.level"));
    putText(wire, "model_id", OtlpValues.text(attributes,
        "langfuse.observation.model.name", "gen_ai.response.model", "gen_ai.request.model"));
    OtlpUsage.put(wire, attributes);
    boolean generation = "generation".equals(type);
    putParsed(wire, generation ? "prompt" : "input_data",
        firstPresent(attributes, "langfuse.observation.input", "gen_ai.input.messages"));
    putParsed(wire, generation ? "response" : "output_data",
        firstPresent(attributes, "langfuse.observation.output", "gen_ai.output.messages"));
    wire.set("metadata", metadata(attributes, span));
    JsonNode tags = attributes.get(OBSERVATION_METADATA + "tags");
    if (tags != null && tags.isArray()) {
      wire.set("tags", tags);
    }
    return wire;
  }

  /** The original span type when the SDK sent it, else Langfuse's type or the GenAI operation. */
  private static String spanType(Map<String, JsonNode> attributes) {
    String original = OtlpValues.text(attributes, OBSERVATION_METADATA + "type");
    if (original != null) {
      return original;
    }
    String langfuse = OtlpValues.text(attributes, "langfuse.observation.type");
    if (langfuse != null && SPAN_TYPES.containsKey(langfuse)) {
      return SPAN_TYPES.get(langfuse);
    }
    String operation = OtlpValues.text(attributes, "gen_ai.operation.name");
    return operation != null ? OPERATION_TYPES.getOrDefault(operation, "span") : "span";
  }

  /**
   * The SDK's span metadata ({@code langfuse.observation.metadata.*} but the type and tags), and
   * every attribute nothing else reads; an {@code exception} event's attributes when the metadata
   * has none.
   */
  private static ObjectNode metadata(Map<String, JsonNode> attributes, Span span) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    attributes.forEach((key, value) -> {
      if (key.startsWith(OBSERVATION_METADATA)) {
        String name = key.substring(OBSERVATION_METADATA.length());
        if (!name.equals("type") && !name.equals("tags")) {
          metadata.set(name, OtlpValues.parsedIfJson(value));
        }
      } else if (!key.startsWith(TRACE_METADATA) && !MAPPED.contains(key)) {
        metadata.set(key, value);
      }
    });
    for (Span.Event event : span.getEventsList()) {
      if ("exception".equals(event.getName())) {
        OtlpValues.attributes(event.getAttributesList()).forEach((key, value) -> {
          if (!metadata.has(key)) {
            metadata.set(key, value);
          }
        });
      }
    }
    return metadata;
  }

  private static @Nullable JsonNode firstPresent(Map<String, JsonNode> attributes, String first, String second) {
    return attributes.containsKey(first) ? attributes.get(first) : attributes.get(second);
  }

  private static void putParsed(ObjectNode node, String field, @Nullable JsonNode jsonText) {
    if (jsonText != null) {
      node.set(field, OtlpValues.parsedJsonText(jsonText));
    }
  }

  private static void putText(ObjectNode node, String field, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
