package io.llmops.observability.internal.wire;

import java.util.function.Predicate;

/**
 * Credentials in command lines: a sensitive long option followed by its value after a space
 * ({@code mysql --password x}, {@code --api-token "x"}), and in a curl command the
 * {@code user:password} of {@code -u} / {@code --user} ({@code docker run -u 1000:1000} is a user
 * and a group). ({@code --password=x} is a key/value pair, found by {@link KeyValueScanner}.)
 * Internal.
 */
final class CommandLineFlags {

  private static final String LONG_OPTION = "--";
  private static final int MAX_NAME = 64;

  private final Predicate<String> sensitiveKey;

  CommandLineFlags(Predicate<String> sensitiveKey) {
    this.sensitiveKey = sensitiveKey;
  }

  void find(String text, MaskedRanges out) {
    int curl = 0; // whether the text mentions curl: 0 not looked yet, 1 yes, -1 no
    int from = 0;
    for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', from)) {
      from = dash + 1;
      if (dash > 0 && !Character.isWhitespace(text.charAt(dash - 1))) {
        continue; // a hyphen inside a word
      }
      boolean longOption = text.startsWith("--", dash);
      boolean shortUser = text.startsWith("-u ", dash);
      if (longOption || shortUser) {
        if (curl == 0) {
          curl = text.contains("curl") ? 1 : -1;
        }
        from = longOption ? longOptionAt(text, dash, curl > 0, out)
            : curl > 0 ? maskPassword(text, dash + 3, out) : from;
      }
    }
  }

  /** {@code --name value}; returns where the search goes on. */
  private int longOptionAt(String text, int at, boolean curl, MaskedRanges out) {
    int nameStart = at + LONG_OPTION.length();
    int nameEnd = nameStart;
    while (nameEnd < text.length() && nameEnd - nameStart < MAX_NAME && isNameChar(text.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == nameStart || nameEnd + 1 >= text.length() || text.charAt(nameEnd) != ' ') {
      return nameEnd;
    }
    String name = text.substring(nameStart, nameEnd);
    int value = nameEnd + 1;
    if (curl && name.equals("user")) {
      return maskPassword(text, value, out);
    }
    if (!sensitiveKey.test(name)) {
      return nameEnd;
    }
    int quote = TextValues.quoteLength(text, value);
    int start = value + quote;
    int end = quote > 0 ? TextValues.closingQuote(text, value, quote)
        : TextValues.unquotedEnd(text, value, false);
    if (!TextValues.isPlaceholder(text, start, end) && !text.startsWith("-", start)) {
      out.add(start, end);
    }
    return Math.max(end, nameEnd);
  }

  /** The password of a {@code user:password} word starting at {@code from}. */
  private static int maskPassword(String text, int from, MaskedRanges out) {
    int end = TextValues.unquotedEnd(text, from, false);
    int colon = from;
    while (colon < end && text.charAt(colon) != ':') {
      colon++;
    }
    if (colon > from && colon + 1 < end && !TextValues.isPlaceholder(text, colon + 1, end)) {
      out.add(colon + 1, end);
    }
    return Math.max(end, from + 1);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }
}
