package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * A span's own token usage and cost, for both readers. The GenAI keys carry the counts as the
 * conventions define them (input includes cached tokens, output includes reasoning). Langfuse
 * sums every bucket of {@code usage_details} into the total, so there the buckets are disjoint:
 * input without cache reads and writes, output without reasoning. Cost goes only on the span that
 * incurred it, never rolled up, because Langfuse sums costs over every observation.
 */
final class UsageAttributes {

  private UsageAttributes() {}

  static void put(AttributesBuilder attributes, JsonNode span) {
    JsonNode usage = JsonValues.present(span, "usage");
    if (usage != null && usage.isObject()) {
      putUsage(attributes, usage);
    }
    JsonNode cost = JsonValues.present(span, "cost");
    if (cost != null && cost.isObject()) {
      putCost(attributes, cost);
    }
  }

  private static void putUsage(AttributesBuilder attributes, JsonNode usage) {
    long input = JsonValues.count(usage, "input_tokens");
    long output = JsonValues.count(usage, "output_tokens");
    long cacheRead = JsonValues.count(usage, "cache_read_input_tokens");
    long cacheCreation = JsonValues.count(usage, "cache_creation_input_tokens");
    long reasoning = JsonValues.count(usage, "reasoning_tokens");
    attributes.put("gen_ai.usage.input_tokens", input);
    attributes.put("gen_ai.usage.output_tokens", output);
    if (cacheRead > 0) {
      attributes.put("gen_ai.usage.cache_read.input_tokens", cacheRead);
    }
    if (cacheCreation > 0) {
      attributes.put("gen_ai.usage.cache_creation.input_tokens", cacheCreation);
    }
    if (reasoning > 0) {
      attributes.put("gen_ai.usage.reasoning.output_tokens", reasoning);
    }
    ObjectNode details = JsonValues.MAPPER.createObjectNode();
    details.put("input", Math.max(0, input - cacheRead - cacheCreation));
    details.put("output", Math.max(0, output - reasoning));
    putIfPositive(details, "input_cached_tokens", cacheRead);
    putIfPositive(details, "input_cache_creation", cacheCreation);
    putIfPositive(details, "output_reasoning_tokens", reasoning);
    attributes.put("langfuse.observation.usage_details", JsonValues.json(details));
  }

  private static void putCost(AttributesBuilder attributes, JsonNode cost) {
    ObjectNode details = JsonValues.MAPPER.createObjectNode();
    putCostPart(details, "input", cost.get("input_cost"));
    putCostPart(details, "output", cost.get("output_cost"));
    putCostPart(details, "total", cost.get("total_cost"));
    if (!details.isEmpty()) {
      attributes.put("langfuse.observation.cost_details", JsonValues.json(details));
    }
  }

  private static void putCostPart(ObjectNode details, String key, JsonNode value) {
    if (value != null && value.isNumber() && value.decimalValue().signum() >= 0) {
      details.put(key, value.decimalValue());
    }
  }

  private static void putIfPositive(ObjectNode details, String key, long value) {
    if (value > 0) {
      details.put(key, value);
    }
  }
}
