package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A span's token usage and cost read back from the GenAI keys (input counts cache reads and
 * writes, output counts reasoning), or from Langfuse's disjoint {@code usage_details} buckets
 * when the GenAI keys are absent; cost from {@code langfuse.observation.cost_details}.
 */
final class OtlpUsage {

  private OtlpUsage() {}

  static void put(ObjectNode span, Map<String, JsonNode> attributes) {
    JsonNode details = OtlpValues.parsedIfJson(
        attributes.getOrDefault("langfuse.observation.usage_details", MissingNode.getInstance()));
    boolean genAi = attributes.containsKey("gen_ai.usage.input_tokens") || attributes.containsKey("gen_ai.usage.output_tokens");
    if (genAi || details.isObject()) {
      long cacheRead = count(attributes, "gen_ai.usage.cache_read.input_tokens", details, "input_cached_tokens");
      long cacheCreation = count(attributes, "gen_ai.usage.cache_creation.input_tokens", details, "input_cache_creation");
      long reasoning = count(attributes, "gen_ai.usage.reasoning.output_tokens", details, "output_reasoning_tokens");
      long input = genAi ? count(attributes, "gen_ai.usage.input_tokens")
          : details.path("input").asLong(0) + cacheRead + cacheCreation;
      long output = genAi ? count(attributes, "gen_ai.usage.output_tokens")
          : details.path("output").asLong(0) + reasoning;
      ObjectNode usage = span.putObject("usage");
      usage.put("input_tokens", input);
      usage.put("output_tokens", output);
      usage.put("total_tokens", input + output);
      putIfPositive(usage, "cache_read_input_tokens", cacheRead);
      putIfPositive(usage, "cache_creation_input_tokens", cacheCreation);
      putIfPositive(usage, "reasoning_tokens", reasoning);
    }
    JsonNode cost = OtlpValues.parsedIfJson(
        attributes.getOrDefault("langfuse.observation.cost_details", MissingNode.getInstance()));
    if (cost.isObject()) {
      ObjectNode wireCost = span.putObject("cost");
      for (String part : new String[] {"input", "output", "total"}) {
        if (cost.path(part).isNumber()) {
          wireCost.set(part + "_cost", cost.get(part));
        }
      }
    }
  }

  private static long count(Map<String, JsonNode> attributes, String key, JsonNode details, String bucket) {
    return attributes.containsKey(key) ? count(attributes, key) : Math.max(0, details.path(bucket).asLong(0));
  }

  private static long count(Map<String, JsonNode> attributes, String key) {
    JsonNode value = attributes.get(key);
    return value != null && value.canConvertToLong() ? Math.max(0, value.asLong()) : 0;
  }

  private static void putIfPositive(ObjectNode usage, String field, long value) {
    if (value > 0) {
      usage.put(field, value);
    }
  }
}
