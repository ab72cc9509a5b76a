package io.llmops.observability.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** OTLP attribute values and ids as the wire format's JSON values and ids. Stateless. */
final class OtlpValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private OtlpValues() {}

  /** The attributes by key, each as JSON (the first of a repeated key wins). */
  static Map<String, JsonNode> attributes(List<KeyValue> keyValues) {
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      attributes.putIfAbsent(keyValue.getKey(), json(keyValue.getValue()));
    }
    return attributes;
  }

  static JsonNode json(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> NODES.textNode(value.getStringValue());
      case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
      case INT_VALUE -> NODES.numberNode(value.getIntValue());
      case DOUBLE_VALUE -> NODES.numberNode(value.getDoubleValue());
      case BYTES_VALUE -> NODES.textNode(hex(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        ArrayNode array = NODES.arrayNode();
        value.getArrayValue().getValuesList().forEach(element -> array.add(json(element)));
        yield array;
      }
      case KVLIST_VALUE -> {
        ObjectNode object = NODES.objectNode();
        value.getKvlistValue().getValuesList().forEach(kv -> object.set(kv.getKey(), json(kv.getValue())));
        yield object;
      }
      default -> NODES.nullNode();
    };
  }

  /**
   * A value the SDK's exporter wrote as JSON text (input, output, usage and cost details, and
   * metadata objects), read back; text that is not a JSON object or array stays text.
   */
  static JsonNode parsedIfJson(JsonNode value) {
    String text = value.isTextual() ? value.textValue().strip() : "";
    if (!(text.startsWith("{") && text.endsWith("}")) && !(text.startsWith("[") && text.endsWith("]"))) {
      return value;
    }
    try {
      return StoredTrace.JSON.readTree(text);
    } catch (java.io.IOException e) {
      return value;
    }
  }

  /** The exporter's input and output: any JSON value as its text, read back. */
  static JsonNode parsedJsonText(JsonNode value) {
    if (!value.isTextual()) {
      return value;
    }
    try {
      JsonNode parsed = StoredTrace.JSON.readTree(value.textValue());
      return parsed == null ? value : parsed;
    } catch (java.io.IOException e) {
      return value;
    }
  }

  static @Nullable String text(Map<String, JsonNode> attributes, String... keys) {
    for (String key : keys) {
      JsonNode value = attributes.get(key);
      if (value != null && value.isTextual() && !value.textValue().isEmpty()) {
        return value.textValue();
      }
    }
    return null;
  }

  static String hex(byte[] bytes) {
    char[] digits = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      digits[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      digits[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(digits);
  }

  /** A 16-byte trace id in the UUID layout the SDK writes (WIRE_FORMAT.md §2a); null when not 16 bytes or zero. */
  static @Nullable String traceId(byte[] bytes) {
    String digits = hex(bytes);
    if (digits.length() != 32 || digits.chars().allMatch(c -> c == '0')) {
      return null;
    }
    return new UUID(Long.parseUnsignedLong(digits.substring(0, 16), 16),
        Long.parseUnsignedLong(digits.substring(16), 16)).toString();
  }

  /** Epoch seconds with microseconds, as the wire format writes times. */
  static double epochSeconds(long epochNanos) {
    return ((epochNanos + 500) / 1000) / 1_000_000d;
  }
}
