package io.llmops.observability.processor;

import java.time.Duration;

/**
 * How long the processor waits (docs/PROCESSOR.md, "Merge").
 *
 * @param segments how long a parent waits for segments it cannot count, from its arrival, before
 *     the sweep exports it with what arrived (the specification's 60 s)
 * @param orphans how long a child segment waits for its parent (or for the segment it attaches
 *     under) before the sweep exports it alone
 * @param claim how long an export claimed but not finished (its processor died or is stuck) stays
 *     its claimer's: after it another processor takes it over; longer than a delivery can take
 */
public record MergeWindows(Duration segments, Duration orphans, Duration claim) {

  /** @throws IllegalArgumentException naming the window that is null or not positive */
  public MergeWindows {
    check("segments", segments);
    check("orphans", orphans);
    check("claim", claim);
  }

  /** 60 s for segments, 15 min for orphans, 5 min for a claim. */
  public static MergeWindows defaults() {
    return new MergeWindows(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofMinutes(5));
  }

  private static void check(String name, Duration window) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
