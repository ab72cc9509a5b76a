package io.llmops.observability.providers.internal;

import java.lang.reflect.Method;

/** Optional accessors that only some implementations of an SDK type have. Internal. */
final class Reflect {

  private Reflect() {}

  /** The first non-negative whole number returned by a public no-argument method named so. */
  static Long count(Object target, String... methods) {
    if (target == null) {
      return null;
    }
    for (String name : methods) {
      try {
        Method method = target.getClass().getMethod(name);
        Object value = method.invoke(target);
        if (value instanceof Number n && n.longValue() >= 0) {
          return n.longValue();
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // not this implementation's accessor
      }
    }
    return null;
  }

  static Object call(Object target, String method) {
    if (target == null) {
      return null;
    }
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  static Long sum(Long... values) {
    Long total = null;
    for (Long value : values) {
      if (value != null) {
        total = total == null ? value : total + value;
      }
    }
    return total;
  }

  static Long of(Integer value) {
    return value == null || value < 0 ? null : value.longValue();
  }
}
