package io.llmops.observability.internal.llm;

import java.io.Reader;

/** Scanning of response text without copying it. Internal. */
final class Texts {

  private Texts() {}

  /** The index of the first non-whitespace character at or after {@code from}, or {@code end}. */
  static int skipWhitespace(CharSequence text, int from, int end) {
    int i = from;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the last non-whitespace character before {@code end}, at least {@code from}. */
  static int trimEnd(CharSequence text, int from, int end) {
    int i = end;
    while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at + prefix.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text.charAt(at + i) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean endsWith(CharSequence text, int end, String suffix) {
    return end >= suffix.length() && startsWith(text, end - suffix.length(), suffix);
  }

  /** A reader of the characters {@code [start, end)} of a text, which it does not copy. */
  static final class RegionReader extends Reader {
    private final CharSequence text;
    private int position;
    private final int end;

    RegionReader(CharSequence text, int start, int end) {
      this.text = text;
      this.position = start;
      this.end = end;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position >= end) {
        return -1;
      }
      int count = Math.min(length, end - position);
      if (text instanceof String s) {
        s.getChars(position, position + count, buffer, offset);
      } else {
        for (int i = 0; i < count; i++) {
          buffer[offset + i] = text.charAt(position + i);
        }
      }
      position += count;
      return count;
    }

    @Override
    public void close() {}
  }
}
