package io.llmops.observability.internal.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * How many more characters a span (and, through its parent, its trace) may capture. Every string
 * is charged each time it is referenced, so one large value repeated many times cannot make a
 * capture, the export queue or the encoder grow without bound. Once spent, further strings are
 * replaced by a short marker and the budget remembers it was exhausted. Thread-safe (spans may be
 * written from several threads): a charge is one atomic add per level; except a {@link
 * #confined()} budget, for one thread's values (a builder's), charged with plain arithmetic.
 * Internal.
 */
public final class CaptureBudget {

  /** What a string is replaced by once the budget is spent. */
  public static final String EXHAUSTED_MARKER = "<not captured: capture budget exhausted>";

  private static final VarHandle REMAINING;

  static {
    try {
      REMAINING = MethodHandles.lookup().findVarHandle(CaptureBudget.class, "remaining", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CaptureBudget parent;
  private final long limit;
  /** Used by one thread only: charges need no atomic add. */
  private final boolean confined;
  @SuppressWarnings("unused") // through REMAINING
  private volatile long remaining;
  private volatile boolean exhausted;

  private CaptureBudget(CaptureBudget parent, long limit, long used, boolean confined) {
    this.parent = parent;
    this.limit = limit;
    this.confined = confined;
    this.remaining = limit - used;
  }

  /** A trace's budget: {@link CaptureLimits#MAX_TRACE_CHARS}. */
  public static CaptureBudget forTrace() {
    return new CaptureBudget(null, CaptureLimits.MAX_TRACE_CHARS, 0, false);
  }

  /** A budget of {@link CaptureLimits#MAX_SPAN_CHARS} for one span of this trace. */
  public CaptureBudget forSpan() {
    return new CaptureBudget(this, CaptureLimits.MAX_SPAN_CHARS, 0, false);
  }

  /**
   * As {@link #forSpan()}, for a span that starts with the values captured under {@code spent}
   * (its builder's): they are charged to the new budget and to this one, even beyond the limit,
   * as {@link #charge} does.
   */
  public CaptureBudget forSpan(CaptureBudget spent) {
    long used = spent.used();
    CaptureBudget span = new CaptureBudget(this, CaptureLimits.MAX_SPAN_CHARS, used, false);
    if (used > 0) {
      REMAINING.getAndAdd(this, -used);
    }
    if (spent.exhausted) {
      span.markExhausted();
    }
    return span;
  }

  /** A span budget that belongs to no trace (yet): builders, and values captured on their own. */
  public static CaptureBudget standalone() {
    return new CaptureBudget(null, CaptureLimits.MAX_SPAN_CHARS, 0, false);
  }

  /**
   * As {@link #standalone()}, for values captured by one thread only (a builder, which is not
   * thread-safe); hand it to another thread only through a safe publication.
   */
  public static CaptureBudget confined() {
    return new CaptureBudget(null, CaptureLimits.MAX_SPAN_CHARS, 0, true);
  }

  /**
   * Takes up to {@code wanted} characters from this budget and its parent; returns how many were
   * granted (0 when spent). A partial grant marks the budget exhausted.
   */
  public long take(long wanted) {
    long granted = takeOwn(wanted);
    if (parent != null && granted > 0) {
      long fromParent = parent.takeOwn(granted);
      if (fromParent < granted) {
        REMAINING.getAndAdd(this, granted - fromParent);
        granted = fromParent;
      }
    }
    if (granted < wanted) {
      markExhausted();
    }
    return granted;
  }

  /**
   * One atomic add (plain arithmetic when confined); what was taken beyond what was left is
   * given back.
   */
  private long takeOwn(long wanted) {
    if (confined) {
      long left = (long) REMAINING.get(this);
      long granted = Math.max(0, Math.min(wanted, left));
      REMAINING.set(this, left - granted);
      return granted;
    }
    long before = (long) REMAINING.getAndAdd(this, -wanted);
    if (before >= wanted) {
      return wanted;
    }
    long granted = Math.max(0, before);
    REMAINING.getAndAdd(this, wanted - granted);
    return granted;
  }

  /**
   * Charges what was captured under another budget (a builder's values, when its span starts)
   * to this one and its parent, even beyond the limit: those values are already kept.
   */
  public void charge(CaptureBudget spent) {
    long used = spent.used();
    if (used > 0) {
      REMAINING.getAndAdd(this, -used);
      if (parent != null) {
        REMAINING.getAndAdd(parent, -used);
      }
    }
    if (spent.exhausted) {
      markExhausted();
    }
  }

  private void markExhausted() {
    for (CaptureBudget b = this; b != null; b = b.parent) {
      b.exhausted = true;
    }
  }

  /** Characters taken so far. */
  public long used() {
    return limit - (long) REMAINING.getVolatile(this);
  }

  /** Whether some value was cut or left out because this budget, or one of its spans', was spent. */
  public boolean isExhausted() {
    return exhausted;
  }
}
