package io.llmops.observability.internal.wire;

import java.util.Arrays;

/**
 * The character ranges of one text that the detectors found secret. Every detector reads the
 * original text and adds ranges; {@link #applyTo} then writes the text once, each run of
 * overlapping or touching ranges replaced by one {@link Redactor#MASK}. A text with no range is
 * returned as is, without a copy. Internal.
 */
final class MaskedRanges {

  private long[] ranges; // start << 32 | end, so sorting by value sorts by start
  private int size;

  /** Marks {@code [start, end)} as secret; an empty range is ignored. */
  void add(int start, int end) {
    if (end <= start) {
      return;
    }
    if (ranges == null) {
      ranges = new long[4];
    } else if (size == ranges.length) {
      ranges = Arrays.copyOf(ranges, size * 2);
    }
    ranges[size++] = ((long) start << 32) | end;
  }

  /** {@code text} with every range masked. */
  String applyTo(String text) {
    if (size == 0) {
      return text;
    }
    Arrays.sort(ranges, 0, size);
    StringBuilder out = new StringBuilder(text.length());
    int written = 0;
    int i = 0;
    while (i < size) {
      int start = start(ranges[i]);
      int end = end(ranges[i]);
      while (++i < size && start(ranges[i]) <= end) {
        end = Math.max(end, end(ranges[i]));
      }
      out.append(text, written, start).append(Redactor.MASK);
      written = end;
    }
    return out.append(text, written, text.length()).toString();
  }

  private static int start(long range) {
    return (int) (range >>> 32);
  }

  private static int end(long range) {
    return (int) range;
  }
}
