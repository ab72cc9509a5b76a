package io.llmops.observability.internal.wire;

import java.util.function.UnaryOperator;

/**
 * Cuts text to a length only after redacting it, so that no secret survives half-cut. The text
 * may carry a few characters beyond {@code limit} (kept at capture for this purpose, see
 * {@code CaptureLimits.CUT_LOOKAHEAD_CHARS}): after redaction the result keeps only what came
 * from before the cut, because redaction may have shortened the text and pulled later characters
 * forward. Internal.
 */
final class RedactedCut {

  private RedactedCut() {}

  /** {@code text} redacted, then cut to at most {@code limit} characters; null stays null. */
  static String cut(String text, int limit, UnaryOperator<String> redact) {
    if (text == null) {
      return null;
    }
    String redacted = redact.apply(text);
    if (text.length() <= limit) {
      return redacted.length() <= limit ? redacted : prefix(redacted, limit);
    }
    // Whatever ends the redacted text is at most `beyond` characters long when it comes from
    // after the cut; dropping that many keeps everything from before it and nothing after.
    int beyond = text.length() - limit;
    return prefix(redacted, Math.max(0, Math.min(limit, redacted.length() - beyond)));
  }

  /** Whether {@link #cut} removes anything from {@code text} of this length. */
  static boolean cuts(String text, int limit) {
    return text != null && text.length() > limit;
  }

  private static String prefix(String text, int chars) {
    int end = chars;
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return text.substring(0, end);
  }
}
