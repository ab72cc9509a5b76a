package io.llmops.observability.internal.wire;

/** UTF-8 length arithmetic without encoding. Internal. */
final class Utf8 {

  private Utf8() {}

  static int length(CharSequence s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** The longest prefix of {@code s} whose UTF-8 form fits {@code maxBytes}; never splits a pair. */
  static String prefix(String s, int maxBytes) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int size;
      int width = 1;
      if (c < 0x80) {
        size = 1;
      } else if (c < 0x800) {
        size = 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        size = 4;
        width = 2;
      } else {
        size = 3;
      }
      if (bytes + size > maxBytes) {
        return s.substring(0, i);
      }
      bytes += size;
      i += width - 1;
    }
    return s;
  }
}
