package io.llmops.observability.otlp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Metadata as attributes under a prefix ({@code langfuse.observation.metadata.} or
 * {@code langfuse.trace.metadata.}), which Langfuse turns into top-level, filterable metadata
 * keys: strings, integers, decimals and booleans as themselves, arrays of one primitive kind as
 * arrays, anything else (objects, mixed arrays) as its JSON text, since Langfuse garbles OTLP
 * maps. Null values are left out.
 */
final class MetadataAttributes {

  private MetadataAttributes() {}

  static void put(AttributesBuilder attributes, String prefix, @Nullable JsonNode metadata) {
    if (metadata == null || !metadata.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      putValue(attributes, prefix + field.getKey(), field.getValue());
    }
  }

  private static void putValue(AttributesBuilder attributes, String key, JsonNode value) {
    if (value.isNull()) {
      return;
    }
    if (value.isTextual()) {
      attributes.put(key, value.textValue());
    } else if (value.isBoolean()) {
      attributes.put(key, value.booleanValue());
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      attributes.put(key, value.longValue());
    } else if (value.isNumber()) {
      attributes.put(key, value.doubleValue());
    } else if (value.isArray() && !putArray(attributes, key, value)) {
      attributes.put(key, JsonValues.json(value));
    } else if (!value.isArray()) {
      attributes.put(key, JsonValues.json(value));
    }
  }

  /** Puts an array whose elements are all strings, or all booleans; false for any other. */
  private static boolean putArray(AttributesBuilder attributes, String key, JsonNode array) {
    List<String> strings = new ArrayList<>();
    List<Boolean> booleans = new ArrayList<>();
    List<Long> longs = new ArrayList<>();
    List<Double> doubles = new ArrayList<>();
    for (JsonNode element : array) {
      if (element.isTextual()) {
        strings.add(element.textValue());
      } else if (element.isBoolean()) {
        booleans.add(element.booleanValue());
      } else if (element.isIntegralNumber() && element.canConvertToLong()) {
        longs.add(element.longValue());
      } else if (element.isNumber()) {
        doubles.add(element.doubleValue());
      } else {
        return false;
      }
    }
    int size = array.size();
    if (strings.size() == size) {
      attributes.put(AttributeKey.stringArrayKey(key), strings);
    } else if (booleans.size() == size) {
      attributes.put(AttributeKey.booleanArrayKey(key), booleans);
    } else if (longs.size() == size) {
      attributes.put(AttributeKey.longArrayKey(key), longs);
    } else if (doubles.size() == size) {
      attributes.put(AttributeKey.doubleArrayKey(key), doubles);
    } else {
      return false;
    }
    return true;
  }
}
