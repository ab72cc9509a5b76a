package io.llmops.observability.internal.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds {@code key=value}, {@code key: value} and {@code "key": "value"} pairs inside free text
 * (query strings, log lines, JSON held in a string) and masks the value when the key is
 * sensitive. A hand-written scan instead of a regular expression: candidate keys are found with
 * {@code indexOf} on a few fragments, so the cost stays linear in the text. Internal.
 */
final class KeyValueScanner {

  /** Every sensitive key contains one of these (lower case); the key check then decides. */
  private static final List<String> FRAGMENTS = List.of(
      "pass", "secret", "token", "key", "auth", "cookie", "credential", "signature", "pwd", "bearer");

  /** Authorization schemes whose following word is the actual credential. */
  private static final List<String> AUTH_SCHEMES = List.of("bearer", "basic", "token", "digest");

  private final List<String> fragments;
  private final Predicate<String> sensitiveKey;

  KeyValueScanner(List<String> extraFragments, Predicate<String> sensitiveKey) {
    List<String> all = new ArrayList<>(FRAGMENTS);
    all.addAll(extraFragments);
    this.fragments = List.copyOf(all);
    this.sensitiveKey = sensitiveKey;
  }

  String mask(String text) {
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return text;
    }
    String lower = lowerAscii(text);
    List<int[]> values = new ArrayList<>();
    for (String fragment : fragments) {
      for (int i = lower.indexOf(fragment); i >= 0; ) {
        int keyEnd = i + fragment.length();
        int keyStart = i;
        while (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1))) {
          keyStart--;
        }
        while (keyEnd < text.length() && isKeyChar(text.charAt(keyEnd))) {
          keyEnd++;
        }
        int[] value = valueAfter(text, keyEnd);
        if (value != null && sensitiveKey.test(text.substring(keyStart, keyEnd))) {
          values.add(value);
        }
        i = lower.indexOf(fragment, keyEnd);
      }
    }
    return values.isEmpty() ? text : replace(text, values);
  }

  /** The value's range after a key ending at {@code from}, or null when no separator follows. */
  private static int[] valueAfter(String text, int from) {
    int n = text.length();
    int j = from;
    if (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
      j++; // the closing quote of a quoted key
    }
    j = skipSpaces(text, j);
    if (j >= n || (text.charAt(j) != '=' && text.charAt(j) != ':')) {
      return null;
    }
    j = skipSpaces(text, j + 1);
    if (j >= n) {
      return null;
    }
    char first = text.charAt(j);
    if (first == '"' || first == '\'') {
      int close = text.indexOf(first, j + 1);
      int end = close < 0 ? n : close;
      return end > j + 1 ? new int[] {j + 1, end} : null;
    }
    int end = wordEnd(text, j);
    if (AUTH_SCHEMES.contains(text.substring(j, end).toLowerCase(java.util.Locale.ROOT))) {
      int credential = skipSpaces(text, end);
      if (credential > end && credential < n) {
        end = wordEnd(text, credential); // "Authorization: Bearer <opaque>" masks the credential too
      }
    }
    return end > j ? new int[] {j, end} : null;
  }

  private static int wordEnd(String text, int from) {
    int end = from;
    while (end < text.length() && !isValueEnd(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static String replace(String text, List<int[]> ranges) {
    ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (int[] range : ranges) {
      if (range[0] < last) {
        continue; // overlaps a range already masked
      }
      out.append(text, last, range[0]).append(Redactor.MASK);
      last = range[1];
    }
    return out.append(text, last, text.length()).toString();
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean isValueEnd(char c) {
    return Character.isWhitespace(c) || c == '&' || c == ',' || c == ';' || c == '"' || c == '\''
        || c == '#' || c == '}' || c == ']';
  }

  /** Lower-cases ASCII letters only, so indices match the original text. */
  private static String lowerAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }
}
