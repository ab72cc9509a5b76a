package io.llmops.observability.processor.sink.internal;

import java.nio.charset.StandardCharsets;

/** Text made safe as one part of an object-store key ({@code [A-Za-z0-9_-]}). Internal. */
final class KeyParts {

  private KeyParts() {}

  /**
   * {@code text} with every other character (the dot included, so that no part reads as
   * {@code .} or {@code ..}) written as {@code =HH} per UTF-8 byte: distinct texts give distinct
   * parts. Empty text gives {@code =}.
   */
  static String encoded(String text) {
    if (text.isEmpty()) {
      return "=";
    }
    StringBuilder part = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isPlain(c)) {
        part.append(c);
      } else {
        part.append('=').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return part.toString();
  }

  /**
   * {@code text} with every other character replaced by {@code _}, for keys people read (the
   * archive's project and environment); {@code fallback} when nothing readable is left.
   */
  static String readable(String text, String fallback) {
    StringBuilder part = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      part.append(isPlain(c) ? c : '_');
    }
    String result = part.toString();
    return result.chars().allMatch(c -> c == '_') ? fallback : result;
  }

  private static boolean isPlain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-';
  }
}
