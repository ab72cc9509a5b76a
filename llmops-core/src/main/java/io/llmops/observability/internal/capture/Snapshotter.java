package io.llmops.observability.internal.capture;

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
import java.util.regex.Pattern;

/**
 * Copies an application value into a detached, bounded tree of strings, numbers, booleans, lists
 * and maps, on the calling thread, at the moment of capture. Afterwards nothing refers to the
 * application's objects, so later changes cannot alter what is exported and the export worker
 * never touches them. Objects are read through their fields (records included), so no getter or
 * other application code runs; the only application code that can run is a collection's own
 * iterator and, for JDK types, {@code toString()}. Never throws. Internal.
 */
public final class Snapshotter {

  private Snapshotter() {}

  public static Object capture(Object value) {
    try {
      Object leaf = leaf(value);
      return leaf != NOT_A_LEAF ? leaf : new Walk().copy(value, 0);
    } catch (Throwable t) {
      return "<capture failed: " + t.getClass().getName() + ">";
    }
  }

  /** A captured string: kept whole up to the capture bound, otherwise a {@link TruncatedText}. */
  public static Object text(String s) {
    if (s == null) {
      return null;
    }
    if (s.length() <= CaptureLimits.MAX_STRING_CHARS) {
      return s;
    }
    int end = CaptureLimits.MAX_STRING_CHARS;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return new TruncatedText(s.substring(0, end), s.length());
  }

  private static final Object NOT_A_LEAF = new Object();

  private static Object leaf(Object v) {
    if (v == null || v instanceof Boolean) {
      return v;
    }
    if (v instanceof String s) {
      return text(s);
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof CharSequence || v instanceof Character) {
      return text(v.toString()); // StringBuilder and friends are mutable: copy now
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
    if (isImmutableValueType(v)) {
      return text(v.toString());
    }
    return NOT_A_LEAF;
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

  private static Object number(Number n) {
    Class<?> c = n.getClass();
    if (c == Integer.class || c == Long.class || c == Double.class || c == Float.class
        || c == Short.class || c == Byte.class || c == BigDecimal.class || c == BigInteger.class) {
      return n; // immutable
    }
    try {
      // Atomic*, adders and other mutable numbers: copy the current value
      double d = n.doubleValue();
      long l = n.longValue();
      return d == (double) l ? (Object) l : (Object) d;
    } catch (Throwable t) {
      return "<" + c.getName() + ">";
    }
  }

  /** One traversal, with a node budget and the objects on the current path for cycle detection. */
  private static final class Walk {
    private final IdentityHashMap<Object, Boolean> path = new IdentityHashMap<>();
    private int nodes;

    Object copy(Object v, int depth) {
      if (++nodes > CaptureLimits.MAX_NODES) {
        return "<not captured: size budget exhausted>";
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
        return text(new String(chars, 0, Math.min(chars.length, CaptureLimits.MAX_STRING_CHARS + 1)));
      }
      if (v instanceof Throwable t) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", c.getName());
        error.put("message", text(Errors.safeMessage(t)));
        return error;
      }
      if (path.put(v, Boolean.TRUE) != null) {
        return "<cycle: " + c.getName() + ">";
      }
      try {
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
      Map<String, Object> out = new LinkedHashMap<>();
      try {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (out.size() == CaptureLimits.MAX_ELEMENTS) {
            out.put("…", "<more entries not captured>");
            break;
          }
          out.put(key(entry.getKey()), copy(entry.getValue(), depth + 1));
        }
      } catch (Throwable t) {
        out.put("<error>", "<iteration failed: " + t.getClass().getName() + ">");
      }
      return out;
    }

    private Object fields(Object object, int depth) {
      FieldReader[] readers = FieldReader.of(object.getClass());
      if (readers == null) {
        return platformObject(object);
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
  }

  private static String key(Object key) {
    String s;
    try {
      s = key instanceof String str ? str : String.valueOf(key);
    } catch (Throwable t) {
      s = "<key: " + key.getClass().getName() + ">";
    }
    return s.length() > 256 ? s.substring(0, 256) + "…" : s;
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

  /** A JDK object of no known shape: its {@code toString()}, guarded. */
  private static Object platformObject(Object v) {
    try {
      return text(String.valueOf(v));
    } catch (Throwable t) {
      return "<" + v.getClass().getName() + ">";
    }
  }
}
