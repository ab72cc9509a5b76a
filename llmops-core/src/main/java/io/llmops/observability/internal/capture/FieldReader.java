package io.llmops.observability.internal.capture;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one instance field reflectively, without running application code. The readable fields
 * of each class are found once and cached. Internal.
 */
final class FieldReader {

  private static final FieldReader[] NONE = new FieldReader[0];

  private static final ClassValue<FieldReader[]> CACHE =
      new ClassValue<>() {
        @Override
        protected FieldReader[] computeValue(Class<?> type) {
          return discover(type);
        }
      };

  private final Field field;

  private FieldReader(Field field) {
    this.field = field;
  }

  String name() {
    return field.getName();
  }

  Object read(Object target) throws IllegalAccessException {
    return field.get(target);
  }

  /** The readable fields of {@code type}, or null when none could be made accessible. */
  static FieldReader[] of(Class<?> type) {
    FieldReader[] readers = CACHE.get(type);
    return readers == NONE ? null : readers;
  }

  private static FieldReader[] discover(Class<?> type) {
    List<FieldReader> readers = new ArrayList<>();
    boolean anyInaccessible = false;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
          continue;
        }
        try {
          field.setAccessible(true);
          readers.add(new FieldReader(field));
        } catch (RuntimeException e) {
          anyInaccessible = true; // a class of a named module that is not open to us
        }
      }
    }
    if (readers.isEmpty() && anyInaccessible) {
      return NONE;
    }
    return readers.toArray(new FieldReader[0]);
  }
}
