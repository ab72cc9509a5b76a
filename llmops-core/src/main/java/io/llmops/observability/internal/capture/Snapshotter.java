package io.llmops.observability.internal.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Copies an application value into a detached, bounded tree of strings, numbers, booleans, lists
 * and maps, on the calling thread, at the moment of capture. Afterwards nothing refers to the
 * application's objects, so later changes cannot alter what is exported and the export worker
 * never touches them.
 *
 * <p>Application code is avoided wherever a structural copy can do: objects (records, map keys
 * and {@code Number} subclasses included) are read through their fields, never their getters or
 * {@code toString()}. What must run runs once: a collection's own iterator, a throwable's
 * {@code getMessage()}, a {@code CharSequence}'s {@code toString()}. Callers must not hold a lock
 * while capturing. Strings are charged to a {@link CaptureBudget} each time they are referenced;
 * one string referenced many times is copied once. Never throws. Internal.
 */
public final class Snapshotter {

  private Snapshotter() {}

  /** Captures {@code value} under a budget of its own. */
  public static Object capture(Object value) {
    return capture(value, CaptureBudget.standalone());
  }

  /** Captures {@code value}, charging its strings to {@code budget}. */
  public static Object capture(Object value, CaptureBudget budget) {
    try {
      if (isSmallImmutable(value)) {
        // the common case (a number, a flag, a short string) needs no traversal
        long cost = CaptureLimits.NODE_COST_CHARS + (value instanceof String s ? s.length() : 0);
        return budget.take(cost) == cost ? value : CaptureBudget.EXHAUSTED_MARKER;
      }
      return new Walk(budget).copy(value, 0);
    } catch (Throwable t) {
      return "<capture failed: " + t.getClass().getName() + ">";
    }
  }

  /** Values kept as they are, without a traversal: null, booleans, boxed numbers, short strings. */
  private static boolean isSmallImmutable(Object v) {
    if (v == null || v instanceof Boolean) {
      return true;
    }
    if (v instanceof String s) {
      return s.length() <= CaptureLimits.MAX_KEY_CHARS;
    }
    Class<?> c = v.getClass();
    return c == Integer.class || c == Long.class || c == Double.class || c == Float.class
        || c == Short.class || c == Byte.class;
  }

  /** A captured string under a budget of its own. */
  public static Object text(String s) {
    return text(s, CaptureBudget.standalone());
  }

  /**
   * A captured string: kept whole up to the capture bound and what {@code budget} grants,
   * otherwise a {@link TruncatedText}; the budget's marker once it is spent.
   */
  public static Object text(String s, CaptureBudget budget) {
    if (s == null) {
      return null;
    }
    return new Walk(budget).string(s);
  }

  /**
   * A map key as text: strings as they are (cut, with the look-ahead kept for redaction, at
   * {@link CaptureLimits#MAX_KEY_CHARS}), other keys from their captured structure.
   */
  public static String key(Object key) {
    if (key instanceof String s && s.length() <= CaptureLimits.MAX_KEY_CHARS) {
      return s;
    }
    return new Walk(CaptureBudget.standalone()).key(key);
  }

  private static final Object NOT_A_LEAF = new Object();

  /** One traversal: budget, node count, the objects on the current path, strings seen. */
  private static final class Walk {
    private final CaptureBudget budget;
    private IdentityHashMap<Object, Boolean> path;
    private IdentityHashMap<String, Object> strings;
    private int nodes;

    Walk(CaptureBudget budget) {
      this.budget = budget;
    }

    Object copy(Object v, int depth) {
      if (++nodes > CaptureLimits.MAX_NODES) {
        return "<not captured: size budget exhausted>";
      }
      if (budget.take(CaptureLimits.NODE_COST_CHARS) == 0) {
        return CaptureBudget.EXHAUSTED_MARKER;
      }
      Object leaf = leaf(v);
      if (leaf != NOT_A_LEAF) {
        return leaf;
      }
      if (v instanceof Optional<?> o) {
        return o.isPresent() ? copy(o.get(), depth) : null;
      }
      Class<?> c = v.getClass();
      if (depth >= CaptureLimits.MAX_DEPTH) {
        return "<max depth: " + c.getName() + ">";
      }
      if (v instanceof byte[] bytes) {
        return binary(bytes);
      }
      if (v instanceof char[] chars) {
        return string(new String(chars, 0, Math.min(chars.length,
            CaptureLimits.MAX_STRING_CHARS + CaptureLimits.CUT_LOOKAHEAD_CHARS)), chars.length);
      }
      if (v instanceof Throwable t) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", c.getName());
        error.put("message", string(Errors.safeMessage(t)));
        return error;
      }
      if (path == null) {
        path = new IdentityHashMap<>();
      }
      if (path.put(v, Boolean.TRUE) != null) {
        return "<cycle: " + c.getName() + ">";
      }
      try {
        if (v instanceof JsonNode node) {
          return jsonContainer(node, depth);
        }
        if (c.isArray()) {
          return array(v, depth);
        }
        if (v instanceof Map<?, ?> m) {
          return map(m, depth);
        }
        if (v instanceof Iterable<?> it) {
          return iterable(it, depth);
        }
        if (isPlatformClass(c)) {
          return platformObject(v);
        }
        return fields(v, depth);
      } finally {
        path.remove(v);
      }
    }

    /** A value needing no traversal, or {@link #NOT_A_LEAF}. */
    private Object leaf(Object v) {
      if (v == null || v instanceof Boolean) {
        return v;
      }
      if (v instanceof String s) {
        return string(s);
      }
      if (v instanceof Number n) {
        return number(n);
      }
      if (v instanceof Character ch) {
        return ch.toString();
      }
      if (v instanceof CharSequence cs) {
        return string(cs.toString()); // StringBuilder and friends are mutable: copy now, once
      }
      if (v instanceof Enum<?> e) {
        return e.name();
      }
      if (v instanceof Date d) {
        return d.toInstant().toString();
      }
      if (v instanceof Class<?> c) {
        return c.getName();
      }
      if (v instanceof OptionalInt o) {
        return o.isPresent() ? o.getAsInt() : null;
      }
      if (v instanceof OptionalLong o) {
        return o.isPresent() ? o.getAsLong() : null;
      }
      if (v instanceof OptionalDouble o) {
        return o.isPresent() ? o.getAsDouble() : null;
      }
      if (v instanceof JsonNode node && !node.isContainerNode()) {
        Object scalar = JsonNodes.scalar(node);
        return scalar == null ? null : copy(scalar, 0);
      }
      if (isImmutableValueType(v)) {
        return string(v.toString());
      }
      return NOT_A_LEAF;
    }

    /**
     * A number: immutable JDK numbers as they are, JDK atomics and adders read once, other
     * {@code Number} subclasses (application classes) through their fields.
     */
    private Object number(Number n) {
      Class<?> c = n.getClass();
      if (c == Integer.class || c == Long.class || c == Double.class || c == Float.class
          || c == Short.class || c == Byte.class || c == BigDecimal.class || c == BigInteger.class) {
        return n;
      }
      if (n instanceof AtomicInteger a) {
        return a.get();
      }
      if (n instanceof AtomicLong a) {
        return a.get();
      }
      if (n instanceof LongAdder a) {
        return a.sum();
      }
      if (n instanceof DoubleAdder a) {
        return a.sum();
      }
      if (n instanceof LongAccumulator a) {
        return a.get();
      }
      if (n instanceof DoubleAccumulator a) {
        return a.get();
      }
      if (isPlatformClass(c)) {
        return n.doubleValue();
      }
      return NOT_A_LEAF;
    }

    /** A string charged to the budget; the same instance seen again is shared, charged again. */
    Object string(String s) {
      return string(s, s.length());
    }

    private Object string(String s, long originalLength) {
      long wanted = Math.min(s.length(), CaptureLimits.MAX_STRING_CHARS);
      long granted = budget.take(wanted);
      if (granted == 0 && wanted > 0) {
        return CaptureBudget.EXHAUSTED_MARKER;
      }
      if (granted == s.length() && originalLength == s.length()) {
        return s; // immutable: kept as it is
      }
      if (strings == null) {
        strings = new IdentityHashMap<>();
      }
      Object seen = strings.get(s);
      if (seen instanceof TruncatedText t && t.limit() == granted) {
        return seen;
      }
      TruncatedText cut = truncated(s, (int) granted, originalLength);
      strings.put(s, cut);
      return cut;
    }

    String key(Object key) {
      String text;
      try {
        Object leaf = key instanceof String s ? s : leaf(key);
        if (leaf == NOT_A_LEAF) {
          text = key.getClass().getSimpleName() + copy(key, CaptureLimits.MAX_DEPTH - 2);
        } else {
          text = leaf instanceof TruncatedText t ? t.kept() : String.valueOf(leaf);
        }
      } catch (Throwable t) {
        text = "<key: " + key.getClass().getName() + ">";
      }
      int keep = CaptureLimits.MAX_KEY_CHARS + CaptureLimits.CUT_LOOKAHEAD_CHARS;
      return text.length() > keep ? text.substring(0, keep) : text;
    }

    private Object jsonContainer(JsonNode node, int depth) {
      return node.isArray() ? iterable(node, depth) : entries(node.fields(), depth);
    }

    private Object array(Object array, int depth) {
      int length = Array.getLength(array);
      int shown = Math.min(length, CaptureLimits.MAX_ELEMENTS);
      List<Object> out = new ArrayList<>(shown + 1);
      for (int i = 0; i < shown; i++) {
        out.add(copy(Array.get(array, i), depth + 1));
      }
      if (length > shown) {
        out.add("<" + (length - shown) + " more elements not captured>");
      }
      return out;
    }

    private Object iterable(Iterable<?> iterable, int depth) {
      List<Object> out = new ArrayList<>();
      try {
        Iterator<?> it = iterable.iterator();
        while (it.hasNext()) {
          if (out.size() == CaptureLimits.MAX_ELEMENTS) {
            out.add("<more elements not captured>");
            break;
          }
          out.add(copy(it.next(), depth + 1));
        }
      } catch (Throwable t) {
        out.add("<iteration failed: " + t.getClass().getName() + ">");
      }
      return out;
    }

    private Object map(Map<?, ?> map, int depth) {
      try {
        return entries(map.entrySet().iterator(), depth);
      } catch (Throwable t) {
        return Map.of("<error>", "<iteration failed: " + t.getClass().getName() + ">");
      }
    }

    /** A map's or a JSON object's entries; keys are charged to the budget like strings. */
    private Map<String, Object> entries(Iterator<? extends Map.Entry<?, ?>> it, int depth) {
      Map<String, Object> out = new LinkedHashMap<>();
      try {
        while (it.hasNext()) {
          if (out.size() == CaptureLimits.MAX_ELEMENTS) {
            out.put("…", "<more entries not captured>");
            break;
          }
          Map.Entry<?, ?> entry = it.next();
          String key = key(entry.getKey());
          if (budget.take(key.length()) < key.length()) {
            out.put("…", CaptureBudget.EXHAUSTED_MARKER);
            break;
          }
          out.put(key, copy(entry.getValue(), depth + 1));
        }
      } catch (Throwable t) {
        out.put("<error>", "<iteration failed: " + t.getClass().getName() + ">");
      }
      return out;
    }

    private Object fields(Object object, int depth) {
      FieldReader[] readers = FieldReader.of(object.getClass());
      if (readers == null) {
        return "<" + object.getClass().getName() + ">";
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (FieldReader reader : readers) {
        Object value;
        try {
          value = copy(reader.read(object), depth + 1);
        } catch (Throwable t) {
          value = "<unreadable: " + t.getClass().getName() + ">";
        }
        out.put(reader.name(), value);
      }
      return out;
    }

    /** A JDK object of no known shape: its {@code toString()} (JDK code), guarded. */
    private Object platformObject(Object v) {
      try {
        return string(String.valueOf(v));
      } catch (Throwable t) {
        return "<" + v.getClass().getName() + ">";
      }
    }
  }

  /** The first {@code limit} characters of {@code s} and the look-ahead after them. */
  private static TruncatedText truncated(String s, int limit, long originalLength) {
    int end = Math.min(s.length(), limit + CaptureLimits.CUT_LOOKAHEAD_CHARS);
    if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return new TruncatedText(s.substring(0, end), limit, originalLength);
  }

  private static boolean isImmutableValueType(Object v) {
    return v instanceof TemporalAccessor
        || v instanceof TemporalAmount
        || v instanceof UUID
        || v instanceof URI
        || v instanceof URL
        || v instanceof Path
        || v instanceof File
        || v instanceof Locale
        || v instanceof Currency
        || v instanceof Charset
        || v instanceof InetAddress
        || v instanceof Pattern;
  }

  private static Object binary(byte[] bytes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "byte[]");
    out.put("length", bytes.length);
    int shown = Math.min(bytes.length, CaptureLimits.MAX_BINARY_BYTES);
    byte[] prefix = shown == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, shown);
    out.put("base64", Base64.getEncoder().encodeToString(prefix));
    if (shown < bytes.length) {
      out.put("truncated", true);
    }
    return out;
  }

  private static boolean isPlatformClass(Class<?> c) {
    ClassLoader loader = c.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
