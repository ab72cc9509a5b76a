package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.internal.model.Usage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Uniform read access to a parsed document that is either Jackson {@link JsonNode}s or
 * {@code java.util.Map}/{@code List} values: a missing key, a JSON null or a value of the wrong
 * type all read as null. Never throws. Internal.
 */
final class Node {

  /** Rejects trailing content, so that newline-delimited events are not read as their first. */
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Node() {}

  static boolean isObject(Object node) {
    return node instanceof Map || (node instanceof JsonNode j && j.isObject());
  }

  static boolean isArray(Object node) {
    return node instanceof List || (node instanceof JsonNode j && j.isArray());
  }

  static boolean has(Object node, String key) {
    return get(node, key) != null;
  }

  static Object get(Object node, String key) {
    if (node instanceof Map<?, ?> map) {
      Object value = map.get(key);
      return value instanceof JsonNode j && j.isNull() ? null : value;
    }
    if (node instanceof JsonNode json && json.isObject()) {
      JsonNode value = json.get(key);
      return value == null || value.isNull() ? null : value;
    }
    return null;
  }

  static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = get(current, key);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  static String str(Object value) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof JsonNode j && j.isTextual()) {
      return j.textValue();
    }
    return null;
  }

  static String str(Object node, String... path) {
    return str(at(node, path));
  }

  /** A non-negative whole count, or null. */
  static Long count(Object value) {
    long n;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      n = ((Number) value).longValue();
    } else if (value instanceof Number number) {
      double d = number.doubleValue();
      if (!Double.isFinite(d) || d != Math.rint(d)) {
        return null;
      }
      n = (long) d;
    } else if (value instanceof JsonNode j && j.isNumber()) {
      if (!j.canConvertToLong() || (j.isFloatingPointNumber() && j.doubleValue() != Math.rint(j.doubleValue()))) {
        return null;
      }
      n = j.longValue();
    } else {
      return null;
    }
    return n < 0 ? null : n;
  }

  static Long count(Object node, String... path) {
    return count(at(node, path));
  }

  /** The first count found under any of {@code keys} of {@code node}. */
  static Long firstCount(Object node, String... keys) {
    for (String key : keys) {
      Long n = count(get(node, key));
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof JsonNode j && j.isBoolean() ? j.booleanValue() : null;
  }

  /** The elements of an array value, or an empty list. */
  static List<Object> list(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof JsonNode j && j.isArray()) {
      List<Object> out = new ArrayList<>(j.size());
      j.forEach(out::add);
      return out;
    }
    return List.of();
  }

  static int size(Object value) {
    if (value instanceof Collection<?> c) {
      return c.size();
    }
    return value instanceof JsonNode j && j.isArray() ? j.size() : 0;
  }

  /** A value as JSON text: strings as they are, anything else serialized; null when impossible. */
  static String jsonText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof JsonNode j) {
      return j.isTextual() ? j.textValue() : j.toString();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception | StackOverflowError e) {
      return String.valueOf(value);
    }
  }

  /** The saturated sum of two counts, either of which may be missing. */
  static Long sum(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Usage.add(a, b);
  }
}
