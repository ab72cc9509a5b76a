package io.llmops.observability.internal.common;

/**
 * Trace and span ids as W3C Trace Context writes them (lowercase hex, never all zero) and as this
 * SDK writes trace ids (a UUID: the same 32 digits with four dashes). Internal.
 */
public final class HexIds {

  private static final int[] UUID_DASHES = {8, 13, 18, 23};

  private HexIds() {}

  /** 16 lowercase hex digits, not all zero. */
  public static boolean isSpanId(String id) {
    return isLowerHex(id, 16) && !isZero(id);
  }

  /** 32 lowercase hex digits not all zero, bare or in the UUID layout. */
  public static boolean isTraceId(String id) {
    if (id == null || (id.length() != 32 && id.length() != 36)) {
      return false;
    }
    String digits = digits(id);
    return digits != null && isLowerHex(digits, 32) && !isZero(digits);
  }

  /**
   * The 32 hex digits of a trace id in either layout, or null when {@code id} has dashes
   * elsewhere than a UUID has them.
   */
  public static String digits(String id) {
    if (id.length() != 36) {
      return id;
    }
    StringBuilder digits = new StringBuilder(32);
    int dash = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (dash < UUID_DASHES.length && i == UUID_DASHES[dash]) {
        if (c != '-') {
          return null;
        }
        dash++;
      } else {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /** 32 hex digits in the UUID layout, as this SDK writes trace ids. */
  public static String dashed(String digits) {
    return digits.substring(0, 8) + '-' + digits.substring(8, 12) + '-' + digits.substring(12, 16)
        + '-' + digits.substring(16, 20) + '-' + digits.substring(20);
  }

  /** Exactly {@code length} characters, each 0-9 or a-f. */
  public static boolean isLowerHex(String text, int length) {
    if (text == null || text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** Only zeros (the W3C's invalid id). */
  public static boolean isZero(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      if (hex.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
