package io.llmops.observability.internal.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Private keys in their text forms: armored blocks ({@code -----BEGIN ... PRIVATE KEY-----} for
 * PKCS#1, PKCS#8, EC, DSA, OpenSSH and encrypted keys, {@code PGP PRIVATE KEY BLOCK}, the
 * four-dash SSH2 form), the private lines of a PuTTY key file, and one line of a key body on its
 * own. A key may also arrive as a list of lines, one element each; {@link #maskLinesAfterBegin}
 * handles that. Internal.
 */
final class PrivateKeyBlocks {

  private static final String PRIVATE_KEY = "PRIVATE KEY";
  private static final String PUTTY_PRIVATE = "Private-Lines:";
  private static final String PUTTY_MAC = "Private-MAC:";
  /** How far before "PRIVATE KEY" the BEGIN or END of its armor line may start. */
  private static final int HEADER_REACH = 40;
  /** At most this many dashes and spaces open an armor line ("-----BEGIN", "---- BEGIN"). */
  private static final int ARMOR_DASHES = 6;

  /**
   * One base64 line of a key body is 64 (PEM, PGP) or 70 (OpenSSH) characters; 48 leaves room
   * for other wrappings and stays above a base64 SHA-256 (44).
   */
  private static final int MIN_KEY_LINE = 48;
  private static final int MAX_KEY_LINE = 80;
  /** Base64 prefixes of image, audio and document files: their lines are not keys. */
  private static final List<String> MEDIA_PREFIXES = List.of(
      "iVBORw0KGgo", "/9j/", "R0lGOD", "UklGR", "JVBERi0", "UEsDB", "SUQz", "T2dnUw", "GkXf",
      "AAAA");

  private PrivateKeyBlocks() {}

  /** Adds every private key block in {@code text}; one that is cut off is masked to the end. */
  static void find(String text, MaskedRanges out) {
    int from = 0;
    for (int key = text.indexOf(PRIVATE_KEY); key >= 0; key = text.indexOf(PRIVATE_KEY, from)) {
      int begin = armorWordBefore(text, "BEGIN", key);
      if (begin < 0) {
        from = key + PRIVATE_KEY.length(); // an END line, or prose about private keys
        continue;
      }
      int start = begin;
      while (start > 0 && begin - start < ARMOR_DASHES && "- ".indexOf(text.charAt(start - 1)) >= 0) {
        start--;
      }
      from = blockEnd(text, key + PRIVATE_KEY.length());
      out.add(start, from);
    }
    findPuttyPrivateLines(text, out);
  }

  /** The end of the END line of the block whose header ends at {@code from}, else the text's end. */
  private static int blockEnd(String text, int from) {
    for (int key = text.indexOf(PRIVATE_KEY, from); key >= 0;
        key = text.indexOf(PRIVATE_KEY, key + PRIVATE_KEY.length())) {
      if (armorWordBefore(text, "END", key) >= 0) {
        int end = key + PRIVATE_KEY.length();
        if (text.startsWith(" BLOCK", end)) {
          end += " BLOCK".length();
        }
        while (end < text.length() && end - key < HEADER_REACH && "- ".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        return end;
      }
    }
    return text.length();
  }

  /** PuTTY key files: from "Private-Lines:" to the end of the "Private-MAC:" line. */
  private static void findPuttyPrivateLines(String text, MaskedRanges out) {
    int start = text.indexOf(PUTTY_PRIVATE);
    while (start >= 0) {
      int mac = text.indexOf(PUTTY_MAC, start);
      int end = mac < 0 ? text.length() : lineEnd(text, mac);
      out.add(start + PUTTY_PRIVATE.length(), end);
      start = text.indexOf(PUTTY_PRIVATE, end);
    }
  }

  /**
   * Whether {@code text} as a whole is one line of a key body: 48 to 80 base64 characters with
   * upper case, lower case and digits, at most two '=' of padding, surrounding whitespace
   * allowed. Such a line carries no marker of its own, so it is recognised by its shape; the
   * base64 openings of common media files are left alone.
   */
  static boolean isKeyBodyLine(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    if (length < MIN_KEY_LINE || length > MAX_KEY_LINE) {
      return false;
    }
    int padding = 0;
    while (padding < 2 && text.charAt(end - 1 - padding) == '=') {
      padding++;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = start; i < end - padding; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '+' && c != '/') {
        return false;
      }
    }
    return upper && lower && digit && !startsWithAny(text, start, MEDIA_PREFIXES);
  }

  /**
   * The elements of {@code list} with every string between a BEGIN line of a private key and its
   * END line replaced by the mask: a key handed over as a list of lines, one element each. The
   * same list when it holds no such BEGIN line.
   */
  static List<?> maskLinesAfterBegin(List<?> list) {
    int first = -1;
    for (int i = 0; i < list.size() && first < 0; i++) {
      if (isOpenBeginLine(list.get(i))) {
        first = i;
      }
    }
    if (first < 0) {
      return list;
    }
    List<Object> out = new ArrayList<>(list);
    boolean inKey = false;
    for (int i = first; i < out.size(); i++) {
      Object element = out.get(i);
      if (inKey && element instanceof String s) {
        inKey = !isEndLine(s);
        out.set(i, Redactor.MASK);
      } else if (isOpenBeginLine(element)) {
        inKey = true;
      }
    }
    return out;
  }

  /** A string holding the BEGIN line of a private key and not its END line. */
  private static boolean isOpenBeginLine(Object element) {
    if (!(element instanceof String s) || s.length() > 200) {
      return false;
    }
    int key = s.indexOf(PRIVATE_KEY);
    return key >= 0 && armorWordBefore(s, "BEGIN", key) >= 0
        && s.indexOf(PRIVATE_KEY, key + PRIVATE_KEY.length()) < 0;
  }

  private static boolean isEndLine(String s) {
    int key = s.indexOf(PRIVATE_KEY);
    return key >= 0 && armorWordBefore(s, "END", key) >= 0;
  }

  /**
   * Where the armor word {@code word} ("BEGIN", "END") starts, after at least three dashes and on
   * the same line as {@code at}, at most {@link #HEADER_REACH} characters before it; -1 if none.
   * Bounded, so scanning stays linear in the text.
   */
  private static int armorWordBefore(String text, String word, int at) {
    int limit = Math.max(0, at - HEADER_REACH);
    for (int i = at - word.length(); i >= limit; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return -1;
      }
      if (c == word.charAt(0) && text.startsWith(word, i) && dashesBefore(text, i) >= 3) {
        return i;
      }
    }
    return -1;
  }

  /** The dashes right before {@code at}, one space between them and {@code at} allowed. */
  private static int dashesBefore(String text, int at) {
    int i = at > 0 && text.charAt(at - 1) == ' ' ? at - 1 : at;
    int dashes = 0;
    while (i - dashes > 0 && text.charAt(i - dashes - 1) == '-' && dashes < ARMOR_DASHES) {
      dashes++;
    }
    return dashes;
  }

  private static int lineEnd(String text, int from) {
    int end = text.indexOf('\n', from);
    return end < 0 ? text.length() : end;
  }

  private static boolean startsWithAny(String text, int at, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (text.startsWith(prefix, at)) {
        return true;
      }
    }
    return false;
  }
}
