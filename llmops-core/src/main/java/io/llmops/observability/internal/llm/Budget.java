package io.llmops.observability.internal.llm;

import io.llmops.observability.internal.capture.TruncatedText;

/**
 * What is left to keep of one document or stream event ({@link ReadLimits}), and whether a limit
 * made the reader skip part of it. Strings cut to their limit become {@link TruncatedText}s,
 * which say so themselves. Internal.
 */
final class Budget {

  private int nodes;
  private long chars;
  private boolean skipped;

  /** Whether one more value {@code depth} levels deep may be kept; if not, it is skipped. */
  boolean admit(int depth) {
    nodes++;
    boolean kept = depth <= ReadLimits.MAX_DEPTH && (nodes <= ReadLimits.MAX_NODES
        || (depth <= ReadLimits.RESERVED_DEPTH
            && nodes <= ReadLimits.MAX_NODES + ReadLimits.RESERVED_NODES));
    skipped |= !kept;
    return kept;
  }

  /** Whether one more element (or entry) after {@code kept} may be kept in a container. */
  boolean admitElement(int kept) {
    boolean admitted = kept < ReadLimits.MAX_ELEMENTS;
    skipped |= !admitted;
    return admitted;
  }

  /** How many of a string's {@code length} characters to keep. */
  int keep(int length) {
    if (length <= ReadLimits.SHORT_STRING_CHARS) {
      return length;
    }
    int keep = (int) Math.min(Math.min(length, ReadLimits.MAX_STRING_CHARS),
        Math.max(0, ReadLimits.MAX_DOCUMENT_CHARS - chars));
    chars += keep;
    return keep;
  }

  /** {@code text} kept whole, or cut to the budget as a {@link TruncatedText}. */
  Object string(CharSequence text) {
    int length = text.length();
    int keep = keep(length);
    return keep == length ? text.toString() : cut(text, keep, length);
  }

  /** Records that a limit made the reader skip something. */
  void skip() {
    skipped = true;
  }

  boolean skipped() {
    return skipped;
  }

  /**
   * At most {@code limit} characters of a string of {@code length} characters (longer than
   * {@code limit}) whose beginning {@code text} holds, cut at a {@link TokenBoundary}.
   */
  static TruncatedText cut(CharSequence text, int limit, long length) {
    String kept = text.subSequence(0, TokenBoundary.cutAt(text, limit)).toString();
    return new TruncatedText(kept, kept.length(), length);
  }
}
