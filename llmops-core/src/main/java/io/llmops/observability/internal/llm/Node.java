package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.core.JsonGenerator;
import io.llmops.observability.internal.capture.TruncatedText;
import io.llmops.observability.internal.common.Saturating;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Read access to a bounded response tree ({@link ParsedTree}, {@link CopiedTree}): a missing key,
 * a null or a value of the wrong type all read as null. Never throws. Internal.
 */
final class Node {

  private Node() {}

  static boolean isObject(Object node) {
    return node instanceof Map;
  }

  static boolean isArray(Object node) {
    return node instanceof List;
  }

  static boolean has(Object node, String key) {
    return get(node, key) != null;
  }

  static Object get(Object node, String key) {
    return node instanceof Map<?, ?> map ? map.get(key) : null;
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

  /** A string value; one cut to the reading limits ends with its truncation note. */
  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    return value instanceof TruncatedText t ? t.render() : null;
  }

  static String str(Object node, String... path) {
    return str(at(node, path));
  }

  /** A non-negative whole count, or null. */
  static Long count(Object value) {
    long n;
    if (value instanceof Long l) {
      n = l;
    } else if (value instanceof Double d) {
      if (!Double.isFinite(d) || d != Math.rint(d)) {
        return null;
      }
      n = (long) d.doubleValue(); // saturates: an absurd count is caught as implausible later
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
    return value instanceof Boolean b ? b : null;
  }

  /** The elements kept of an array value, or an empty list. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  /** How many elements an array value had, kept or not. */
  static int size(Object value) {
    if (value instanceof CappedList list) {
      return list.originalSize();
    }
    return value instanceof List<?> list ? list.size() : 0;
  }

  /**
   * A value as JSON text (strings as they are), at most {@link ReadLimits#MAX_TEXT_CHARS} of it:
   * a String, or a {@link TruncatedText} when longer. Null for null.
   */
  static Object jsonText(Object value) {
    if (value == null || value instanceof String || value instanceof TruncatedText) {
      return value;
    }
    CappedText out = new CappedText();
    try (JsonGenerator g = ParsedTree.FACTORY.createGenerator(out.writer())) {
      write(g, value);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return out.value();
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        write(g, entry.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v == null) {
      g.writeNull();
    } else {
      g.writeString(str(v));
    }
  }

  /** The saturated sum of two counts, either of which may be missing. */
  static Long sum(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Saturating.add(a, b);
  }
}
