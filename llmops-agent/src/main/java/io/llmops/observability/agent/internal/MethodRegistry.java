package io.llmops.observability.agent.internal;

import java.util.Arrays;

/**
 * The settings of every woven method, by the id compiled into its advice. Reads are lock-free;
 * registration (at weaving time only) copies the array. Public because the runtimes of other class loaders
 * ({@link RuntimeLoader}) read it: internal.
 */
public final class MethodRegistry {

  private static volatile TrackedMethod[] methods = new TrackedMethod[64];
  private static int size;

  private MethodRegistry() {}

  static synchronized int register(TrackedMethod method) {
    TrackedMethod[] current = methods;
    if (size == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    current[size] = method;
    methods = current;
    return size++;
  }

  public static TrackedMethod get(int id) {
    TrackedMethod[] current = methods;
    return id >= 0 && id < current.length ? current[id] : null;
  }
}
