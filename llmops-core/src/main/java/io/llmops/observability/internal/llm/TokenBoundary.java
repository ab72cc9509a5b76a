package io.llmops.observability.internal.llm;

/**
 * Where a response reader cuts a long text. Readers have no redactor, so they cut just after a
 * separator (whitespace or punctuation) at or before the limit: a token-shaped secret (a key, a
 * password after {@code =}, a bearer token) is then kept whole or left out whole, never split,
 * and the export's redaction sees it entire. Only a run of more than
 * {@link #MAX_LOOK_BACK} characters without any separator is cut at the limit itself. Internal.
 */
final class TokenBoundary {

  static final int MAX_LOOK_BACK = 4_096;

  private TokenBoundary() {}

  /**
   * How many characters to keep of a string that is longer than {@code limit}, of which
   * {@code prefix} holds at least the beginning: at most {@code limit}, and no more than the
   * prefix holds.
   */
  static int cutAt(CharSequence prefix, int limit) {
    int end = Math.min(limit, prefix.length());
    for (int i = end - 1; i >= 0 && i >= end - MAX_LOOK_BACK; i--) {
      if (isSeparator(prefix.charAt(i))) {
        return i + 1;
      }
    }
    return end > 0 && Character.isHighSurrogate(prefix.charAt(end - 1)) ? end - 1 : end;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || ",;&\"'<>()[]{}|".indexOf(c) >= 0;
  }
}
