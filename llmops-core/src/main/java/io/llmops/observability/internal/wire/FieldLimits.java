package io.llmops.observability.internal.wire;

/**
 * Byte limits of the bounded fields for one encoding attempt, and how many spans it may carry.
 * The encoder starts with the configured limits and tightens them until the message fits.
 * Internal.
 */
public record FieldLimits(int traceIo, int spanIo, int promptResponse, int maxSpans, int level) {

  private static final int FLOOR = 256;

  /** The next, stricter attempt: smaller fields first, then half the spans. */
  public FieldLimits tighter(int spanCount) {
    if (level == 0) {
      return new FieldLimits(Math.max(FLOOR, traceIo / 10), Math.max(FLOOR, spanIo / 10),
          Math.max(FLOOR, promptResponse / 10), maxSpans, 1);
    }
    if (level == 1) {
      return new FieldLimits(FLOOR, FLOOR, FLOOR, maxSpans, 2);
    }
    return new FieldLimits(FLOOR, FLOOR, FLOOR, Math.min(maxSpans, spanCount) / 2, level + 1);
  }
}
