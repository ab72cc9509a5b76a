package io.llmops.observability.internal.capture;

/**
 * A string too long to capture whole: its first {@code limit} characters plus up to
 * {@link CaptureLimits#CUT_LOOKAHEAD_CHARS} more, and its original length in characters. The
 * export redacts {@code kept} first and only then cuts it to {@code limit} (so a secret across
 * the cut is masked, never exported half-cut), followed by a truncation note. Internal.
 */
public record TruncatedText(String kept, int limit, long originalLength) {

  /** The note written after the cut text. */
  public String note() {
    return "…[truncated: " + originalLength + " chars]";
  }
}
