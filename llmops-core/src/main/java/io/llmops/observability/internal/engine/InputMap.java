package io.llmops.observability.internal.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A span's named inputs in the order they were first set, a later value for a name replacing
 * the earlier one in place, as {@link LinkedHashMap} keeps them: keys and values side by side in
 * one array, so the few inputs of a typical span cost one small array instead of an entry
 * object each and a hash table. Past {@value #LINEAR_MAX} inputs it keeps them in a {@link
 * LinkedHashMap}, so that a span with many inputs never searches them one by one. Not
 * thread-safe: written by one thread (a builder's, or under the span's lock), then only read.
 * Internal.
 */
final class InputMap extends AbstractMap<String, Object> {

  static final int LINEAR_MAX = 8;

  /** Keys at even, values at odd indexes; null once {@link #large} took over. */
  private Object[] pairs;
  private int size;
  private LinkedHashMap<String, Object> large;

  InputMap() {
    pairs = new Object[8];
  }

  /** A copy of {@code other}, which the copy does not share. */
  InputMap(InputMap other) {
    if (other.large != null) {
      large = new LinkedHashMap<>(other.large);
    } else {
      pairs = Arrays.copyOf(other.pairs, Math.max(8, other.size * 2));
      size = other.size;
    }
  }

  @Override
  public Object put(String key, Object value) {
    if (large != null) {
      return large.put(key, value);
    }
    int at = indexOf(key);
    if (at >= 0) {
      Object previous = pairs[at + 1];
      pairs[at + 1] = value;
      return previous;
    }
    if (size == LINEAR_MAX) {
      LinkedHashMap<String, Object> all = new LinkedHashMap<>();
      forEach(all::put);
      large = all;
      pairs = null;
      size = 0;
      return large.put(key, value);
    }
    if (size * 2 == pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[size * 2] = key;
    pairs[size * 2 + 1] = value;
    size++;
    return null;
  }

  @Override
  public Object get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int at = indexOf(key);
    return at < 0 ? null : pairs[at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size * 2; i += 2) {
      if (pairs[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (large != null) {
      return large.entrySet();
    }
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++ * 2;
            return new SimpleImmutableEntry<>((String) pairs[at], pairs[at + 1]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
