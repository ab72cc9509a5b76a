package io.llmops.observability.internal.common;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, by whichever thread asks first; later reads are one
 * volatile read. Internal.
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> compute;
  private volatile T value;

  public Lazy(Supplier<T> compute) {
    this.compute = compute;
  }

  @Override
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          value = current = compute.get();
        }
      }
    }
    return current;
  }
}
