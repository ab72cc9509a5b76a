package io.llmops.observability.internal.capture;

/**
 * A string too long to keep whole: its first {@code limit} characters, possibly followed by up to
 * {@link CaptureLimits#CUT_LOOKAHEAD_CHARS} more, and its original length in characters. The
 * export redacts {@code kept} first and only then cuts it to {@code limit} (so a secret across the
 * cut is masked, never exported half-cut), followed by {@link #note()}. Internal.
 */
public record TruncatedText(String kept, int limit, long originalLength) {

  /** The note written after the cut text. */
  public String note() {
    return "…[truncated: " + originalLength + " chars]";
  }

  /**
   * The text cut to its limit, unredacted: for reading inside the process only (response
   * readers, the public {@code LlmResponse}). Exports cut after redacting instead.
   */
  public String preview() {
    int end = Math.min(limit, kept.length());
    if (end > 0 && end < kept.length() && Character.isHighSurrogate(kept.charAt(end - 1))) {
      end--;
    }
    return kept.substring(0, end);
  }

  /** {@link #preview()} followed by {@link #note()}: in-process reading only, like the preview. */
  public String render() {
    return preview() + note();
  }
}
