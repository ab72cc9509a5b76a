package io.llmops.observability.internal.wire;

/**
 * What one pass over a text finds out about it, so that the redactor runs only the detectors
 * that could match: which marker characters occur, how many digits it holds, and its longest run
 * of token characters. Packed in a {@code long} (no allocation per string): the flags in the low
 * 32 bits, the digit count and the longest run (each capped at 65535) above. Internal.
 */
final class TextFeatures {

  static final int DASH = 1;
  static final int COLON = 1 << 1;
  static final int SLASH = 1 << 2;
  static final int AT = 1 << 3;
  static final int PERCENT = 1 << 4;
  static final int BACKSLASH = 1 << 5;
  static final int EQUALS = 1 << 6;
  static final int TAB = 1 << 7;
  static final int NEWLINE = 1 << 8;
  static final int GREATER = 1 << 9;
  static final int QUOTE = 1 << 10;
  static final int SPACE = 1 << 11;
  static final int LETTER_B = 1 << 12;
  /** A character that makes a word look like a credential rather than prose: $ # * & ! _ + ~ ^. */
  static final int SYMBOL = 1 << 13;

  private static final int CAP = 0xFFFF;
  private static final int[] FLAGS = new int[128];
  private static final boolean[] RUN = new boolean[128];

  static {
    FLAGS['-'] = DASH;
    FLAGS[':'] = COLON;
    FLAGS['/'] = SLASH;
    FLAGS['@'] = AT | SYMBOL;
    FLAGS['%'] = PERCENT;
    FLAGS['\\'] = BACKSLASH;
    FLAGS['='] = EQUALS;
    FLAGS['\t'] = TAB;
    FLAGS['\n'] = NEWLINE;
    FLAGS['\r'] = NEWLINE;
    FLAGS['>'] = GREATER;
    FLAGS['"'] = QUOTE;
    FLAGS['\''] = QUOTE;
    FLAGS['`'] = QUOTE;
    FLAGS[' '] = SPACE;
    FLAGS['b'] = LETTER_B;
    FLAGS['B'] = LETTER_B;
    for (char c : "$#*&!_+~^".toCharArray()) {
      FLAGS[c] |= SYMBOL;
    }
    for (char c = 0; c < 128; c++) {
      RUN[c] = Character.isLetterOrDigit(c) || "_-.~+/=".indexOf(c) >= 0;
    }
  }

  private TextFeatures() {}

  /** One pass over {@code text}. */
  static long of(String text) {
    int flags = 0;
    int digits = 0;
    int run = 0;
    int longestRun = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        longestRun = Math.max(longestRun, run);
        run = 0;
        continue;
      }
      flags |= FLAGS[c];
      if (c >= '0' && c <= '9') {
        digits++;
      }
      if (isTokenChar(c)) {
        run++;
      } else {
        longestRun = Math.max(longestRun, run);
        run = 0;
      }
    }
    longestRun = Math.max(longestRun, run);
    return flags | (long) Math.min(digits, CAP) << 32 | (long) Math.min(longestRun, CAP) << 48;
  }

  /** Letters, digits and {@code _-.~+/=}: what a token, a URL path holding one, or base64 uses. */
  static boolean isTokenChar(char c) {
    return c < 128 && RUN[c];
  }

  static boolean has(long features, int flag) {
    return (features & flag) != 0;
  }

  static boolean hasAll(long features, int flags) {
    return (features & flags) == flags;
  }

  static int digits(long features) {
    return (int) (features >>> 32) & CAP;
  }

  /** The longest run of token characters: letters, digits and {@code _-.~+/=}. */
  static int longestRun(long features) {
    return (int) (features >>> 48) & CAP;
  }
}
