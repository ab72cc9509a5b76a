package io.llmops.observability.internal.wire;

/**
 * Payment card numbers: a number standing alone, written whole or in groups of 3 to 6 digits
 * separated by single spaces or dashes, with the length and leading digits of a card scheme
 * (Visa 13 or 16, Mastercard, Discover, JCB and UnionPay 16, Amex 15, Diners 14) and a valid Luhn
 * check digit. Longer and shorter numbers (ids, timestamps, trace ids) are left alone. Internal.
 */
final class CardNumbers {

  static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 16;

  private CardNumbers() {}

  static void find(String text, MaskedRanges out) {
    int n = text.length();
    // Invariant: i == 0 or text[i - 1] is not a digit. A card starting at or after i opens with
    // three digits, so it covers i + 2 if it starts within [i, i + 2]: one probe per three
    // characters of prose.
    int i = 0;
    while (i + MIN_DIGITS <= n) {
      int probe = i + 2;
      if (!isDigit(text.charAt(probe))) {
        i = probe + 1;
        continue;
      }
      int start = probe;
      while (start > i && isDigit(text.charAt(start - 1))) {
        start--;
      }
      int end = start == 0 || !isWordChar(text.charAt(start - 1)) ? cardEnd(text, start) : -1;
      if (end > 0) {
        out.add(start, end);
        i = end;
      } else {
        i = probe + 1;
        while (i < n && isDigit(text.charAt(i))) {
          i++; // no card starts inside this group of digits
        }
      }
    }
  }

  /** The end of the card number starting at {@code start}, or -1. */
  private static int cardEnd(String text, int start) {
    int n = text.length();
    int count = 0;
    boolean grouped = false;
    int i = start;
    while (true) {
      int groupStart = i;
      while (i < n && isDigit(text.charAt(i)) && count <= MAX_DIGITS) {
        i++;
        count++;
      }
      int group = i - groupStart;
      boolean separatorFollows = i + 1 < n && (text.charAt(i) == ' ' || text.charAt(i) == '-')
          && isDigit(text.charAt(i + 1));
      if (count > MAX_DIGITS || (grouped || separatorFollows) && (group < 3 || group > 6)) {
        return -1;
      }
      boolean standsAlone = i == n || !isWordChar(text.charAt(i));
      if (count >= MIN_DIGITS && standsAlone && isValid(text, start, i, count)) {
        return i;
      }
      if (!separatorFollows) {
        return -1;
      }
      grouped = true;
      i++;
    }
  }

  private static boolean isValid(String text, int start, int end, int count) {
    char[] digits = new char[count];
    int d = 0;
    for (int i = start; i < end; i++) {
      if (isDigit(text.charAt(i))) {
        digits[d++] = text.charAt(i);
      }
    }
    return isCardScheme(digits, count) && luhn(digits, count);
  }

  /** Whether the leading digits and length belong to a card scheme. */
  private static boolean isCardScheme(char[] d, int length) {
    int two = (d[0] - '0') * 10 + (d[1] - '0');
    int three = two * 10 + (d[2] - '0');
    int four = three * 10 + (d[3] - '0');
    if (d[0] == '4') {
      return length == 13 || length == 16; // Visa
    }
    if (length == 16) {
      return two >= 51 && two <= 55 || four >= 2221 && four <= 2720 // Mastercard
          || four == 6011 || two == 65 || three >= 644 && three <= 649 // Discover
          || four >= 3528 && four <= 3589 // JCB
          || two == 62; // UnionPay
    }
    if (length == 15) {
      return two == 34 || two == 37; // American Express
    }
    return length == 14 && (three >= 300 && three <= 305 || two == 36 || two == 38 || two == 39);
  }

  private static boolean luhn(char[] d, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int digit = d[length - 1 - i] - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
