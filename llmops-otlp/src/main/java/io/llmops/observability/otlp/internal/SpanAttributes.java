package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One span's own attributes, for a GenAI-aware backend ({@code gen_ai.*}) and for Langfuse
 * ({@code langfuse.observation.*}) at once.
 */
final class SpanAttributes {

  private SpanAttributes() {}

  static Attributes of(JsonNode span, String spanType, long startEpochNanos) {
    AttributesBuilder attributes = Attributes.builder();
    attributes.put("langfuse.observation.type", ObservationTypes.langfuse(spanType));
    attributes.put("langfuse.observation.metadata.type", spanType);
    TraceAttributes.putText(attributes, "llmops.span_id", JsonValues.text(span, "span_id"));
    putOperation(attributes, span, spanType);
    String model = JsonValues.text(span, "model_id");
    if (model != null && !model.isEmpty()) {
      attributes.put("gen_ai.request.model", model);
      attributes.put("gen_ai.response.model", model);
      attributes.put("langfuse.observation.model.name", model);
    }
    UsageAttributes.put(attributes, span);
    putInputOutput(attributes, span);
    TraceAttributes.putText(attributes, "langfuse.observation.level", JsonValues.text(span, "level"));
    TraceAttributes.putText(
        attributes, "langfuse.observation.status_message", JsonValues.text(span, "status_message"));
    JsonNode metadata = span.get("metadata");
    MetadataAttributes.put(attributes, "langfuse.observation.metadata.", metadata);
    if ("generation".equals(spanType)) {
      PromptLinkAttributes.put(attributes, metadata);
    }
    List<String> tags = TraceAttributes.texts(span.get("tags"));
    if (!tags.isEmpty()) {
      attributes.put(AttributeKey.stringArrayKey("langfuse.observation.metadata.tags"), tags);
    }
    putCompletionStart(attributes, metadata, startEpochNanos);
    if ("evaluation".equals(spanType)) {
      EvaluationAttributes.put(attributes, span);
    }
    return attributes.build();
  }

  /**
   * {@code chat} for a generation and {@code execute_tool} for a tool; nothing for agents, since
   * Langfuse drops model, usage and cost of a span whose operation is {@code invoke_agent} or
   * {@code agent_step}.
   */
  private static void putOperation(AttributesBuilder attributes, JsonNode span, String spanType) {
    JsonNode metadata = span.get("metadata");
    if ("generation".equals(spanType)) {
      attributes.put("gen_ai.operation.name", "chat");
      String stopReason = metadata == null ? null : JsonValues.text(metadata, "llm.stop_reason");
      if (stopReason != null) {
        attributes.put(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of(stopReason));
      }
    } else if ("tool".equals(spanType)) {
      attributes.put("gen_ai.operation.name", "execute_tool");
      TraceAttributes.putText(attributes, "gen_ai.tool.name", JsonValues.text(span, "span_name"));
      TraceAttributes.putText(attributes, "gen_ai.tool.call.id",
          metadata == null ? null : JsonValues.text(metadata, "llm.tool_call_id"));
    }
  }

  /** A generation's prompt and response text when it has them, else the captured input and output. */
  private static void putInputOutput(AttributesBuilder attributes, JsonNode span) {
    JsonNode input = firstPresent(span, "prompt", "input_data");
    if (input != null) {
      attributes.put("langfuse.observation.input", JsonValues.json(input));
    }
    JsonNode output = firstPresent(span, "response", "output_data");
    if (output != null) {
      attributes.put("langfuse.observation.output", JsonValues.json(output));
    }
  }

  private static @Nullable JsonNode firstPresent(JsonNode span, String first, String second) {
    JsonNode value = JsonValues.present(span, first);
    return value != null ? value : JsonValues.present(span, second);
  }

  /** A stream's first token, from {@code llm.time_to_first_token_ms}, as an ISO-8601 instant. */
  private static void putCompletionStart(
      AttributesBuilder attributes, @Nullable JsonNode metadata, long startEpochNanos) {
    JsonNode ttft = metadata == null ? null : metadata.get("llm.time_to_first_token_ms");
    if (ttft == null || !ttft.isNumber() || ttft.doubleValue() < 0) {
      return;
    }
    long nanos = startEpochNanos + Math.round(ttft.doubleValue() * 1_000_000d);
    Instant first = Instant.ofEpochSecond(0, nanos);
    attributes.put("langfuse.observation.completion_start_time", first.toString());
  }
}
