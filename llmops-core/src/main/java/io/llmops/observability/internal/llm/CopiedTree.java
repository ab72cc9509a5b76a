package io.llmops.observability.internal.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a value handed in (maps, lists, collections, arrays, Jackson trees, strings, numbers,
 * booleans) into the same bounded tree as {@link ParsedTree}, within a {@link Budget}. It visits
 * only what it keeps: a list of a million elements costs as much as its first thousand. Other
 * objects are left out (their getters are never called). Internal.
 */
final class CopiedTree {

  private CopiedTree() {}

  static Object value(Object v, Budget budget, int depth) {
    if (v == null || (v instanceof JsonNode j && (j.isNull() || j.isMissingNode()))
        || !budget.admit(depth)) {
      return null;
    }
    if (v instanceof CharSequence s) {
      return budget.string(s);
    }
    if (v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof JsonNode j) {
      return json(j, budget, depth);
    }
    if (v instanceof Map<?, ?> map) {
      return map(map.entrySet().iterator(), map.size(), budget, depth);
    }
    if (v instanceof Collection<?> c) {
      return list(c.iterator(), c.size(), budget, depth);
    }
    if (v instanceof Object[] array) {
      return list(List.of(array).iterator(), array.length, budget, depth);
    }
    return null;
  }

  private static Object number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof Double || n instanceof Float || n instanceof BigInteger
        || n instanceof BigDecimal) {
      return n.doubleValue();
    }
    return null; // a mutable or unknown Number: its methods are application code
  }

  private static Object json(JsonNode j, Budget budget, int depth) {
    if (j.isTextual()) {
      return budget.string(j.textValue());
    }
    if (j.isBoolean()) {
      return j.booleanValue();
    }
    if (j.isIntegralNumber() && j.canConvertToLong()) {
      return j.longValue();
    }
    if (j.isNumber()) {
      return j.doubleValue();
    }
    if (j.isObject()) {
      return map(j.fields(), j.size(), budget, depth);
    }
    if (j.isArray()) {
      return list(j.elements(), j.size(), budget, depth);
    }
    return null; // binary and POJO nodes are not part of any response shape
  }

  private static Map<String, Object> map(Iterator<? extends Map.Entry<?, ?>> entries, int size,
      Budget budget, int depth) {
    // sized for its entries: a stream's many small events are copied one after another
    int kept = Math.min(size, ReadLimits.MAX_ELEMENTS);
    Map<String, Object> map = new LinkedHashMap<>(Math.max(2, (int) Math.ceil(kept / 0.75)));
    while (entries.hasNext()) {
      if (!budget.admitElement(map.size())) {
        break;
      }
      Map.Entry<?, ?> entry = entries.next();
      if (entry.getKey() instanceof String key) {
        Object value = value(entry.getValue(), budget, depth + 1);
        if (value != null) {
          map.put(key, value);
        }
      }
    }
    return map;
  }

  private static CappedList list(Iterator<?> elements, int size, Budget budget, int depth) {
    CappedList list = new CappedList(Math.min(size, 16));
    list.counted(size);
    while (elements.hasNext() && budget.admitElement(list.size())) {
      list.add(value(elements.next(), budget, depth + 1));
    }
    return list;
  }
}
