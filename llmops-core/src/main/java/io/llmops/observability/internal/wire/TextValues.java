package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.Locale;

/**
 * Reading a value that follows a key in free text: its quotes (at any escaping depth, or
 * percent-encoded), where an unquoted value ends, and whether it is a placeholder rather than a
 * secret. Every method reads forward from a position and stops at the value's end. Internal.
 */
final class TextValues {

  /** Values that name no secret: language literals and type names. */
  private static final List<String> LITERALS = List.of(
      "null", "none", "nil", "undefined", "true", "false", "str", "string", "bytes", "int",
      "bool", "secretstr", "any");

  /** Quotes written as HTML entities, as in a page or a form that escaped its JSON. */
  static final List<String> ENTITY_QUOTES = List.of("&quot;", "&#34;", "&#x22;", "&#39;", "&#x27;", "&apos;");

  private TextValues() {}

  /**
   * The length of the opening quote at {@code at}: ", ', `, \", \\\", %22, %27, &amp;quot; and
   * the other entities; 0 if none.
   */
  static int quoteLength(String text, int at) {
    String entity = entityAt(text, at);
    if (entity != null) {
      return entity.length();
    }
    int i = at;
    while (i < text.length() && text.charAt(i) == '\\') {
      i++;
    }
    if (i < text.length() && "\"'`".indexOf(text.charAt(i)) >= 0) {
      return i + 1 - at;
    }
    return i == at && isEncoded(text, at, "22", "27") ? 3 : 0;
  }

  /**
   * Where the value opened by the quote {@code [open, open + length)} ends: the same quote with
   * as many backslashes before it, else the end of the text. An escaped quote inside ("a\"b")
   * does not close it.
   */
  static int closingQuote(String text, int open, int length) {
    int n = text.length();
    char first = text.charAt(open);
    if (first == '%' || first == '&') {
      for (int i = open + length; i + length <= n; i++) {
        if (text.regionMatches(true, i, text, open, length)) {
          return i;
        }
      }
      return n;
    }
    int backslashes = length - 1;
    char quote = text.charAt(open + backslashes);
    for (int i = open + length; i < n; i++) {
      if (text.charAt(i) != quote) {
        continue;
      }
      int before = 0;
      while (i - before - 1 >= open + length && text.charAt(i - before - 1) == '\\') {
        before++;
      }
      if (before == backslashes || backslashes == 0 && before % 2 == 0) {
        return i - before;
      }
    }
    return n;
  }

  /**
   * The end of an unquoted value starting at {@code from}. A value after '=' is one word; after
   * ':' (YAML, headers) it may hold spaces and runs to the end of the line or to a ',', ';' or
   * closing bracket.
   */
  static int unquotedEnd(String text, int from, boolean spacesInside) {
    int end = from;
    while (end < text.length() && !isValueEnd(text, end, spacesInside)) {
      end++;
    }
    while (spacesInside && end > from && text.charAt(end - 1) == ' ') {
      end--;
    }
    return end;
  }

  /**
   * Whether the character at {@code i} ends an unquoted value. A query-string value ('=') also
   * ends at '&' and at percent-encoded delimiters; a YAML or header value (':') does not, since
   * there they may be part of the secret.
   */
  private static boolean isValueEnd(String text, int i, boolean spacesInside) {
    char c = text.charAt(i);
    if (c == ' ' || c == '\t') {
      return !spacesInside;
    }
    return Character.isWhitespace(c) || ",;\"'`}]".indexOf(c) >= 0
        || c == '\\' && i + 1 < text.length() && "\"'nrt".indexOf(text.charAt(i + 1)) >= 0
        || !spacesInside && (c == '&'
            || c == '%' && isEncoded(text, i, "26", "20", "22", "27", "2C", "3B", "7D", "5D", "0A", "0D"));
  }

  /** The end of the word starting at {@code from}, without trailing sentence punctuation. */
  static int wordEnd(String text, int from) {
    int end = unquotedEnd(text, from, false);
    while (end > from && ".,;:!?)".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /**
   * Whether the value names no secret: a placeholder ({@code $VAR}, {@code ${VAR}},
   * {@code {{ var }}}, {@code %VAR%}, {@code <your-key>}, {@code ****}), a literal or type name
   * ({@code null}, {@code str}), or code that reads the secret ({@code os.environ["X"]},
   * {@code request.getParameter("password")}, {@code getpass()}, {@code process.env.KEY}).
   */
  static boolean isPlaceholder(String text, int start, int end) {
    if (end <= start) {
      return true;
    }
    char first = text.charAt(start);
    if (first == '$' || first == '<' || text.startsWith("{{", start) || text.startsWith("{%", start)
        || first == '%' && end - start > 2 && text.charAt(end - 1) == '%'
        || text.startsWith("process.env.", start) || text.startsWith(Redactor.MASK, start)
        || isAll(text, start, end, '*') || isAll(text, start, end, '.')) {
      return true;
    }
    if (!Character.isLetter(first) && first != '_') {
      return false;
    }
    int identifierEnd = start;
    boolean dotted = false;
    while (identifierEnd < end && (Character.isLetterOrDigit(text.charAt(identifierEnd))
        || text.charAt(identifierEnd) == '_' || text.charAt(identifierEnd) == '.')) {
      dotted |= text.charAt(identifierEnd) == '.';
      identifierEnd++;
    }
    String identifier = text.substring(start, identifierEnd).toLowerCase(Locale.ROOT);
    char after = identifierEnd < end ? text.charAt(identifierEnd) : 0;
    if (LITERALS.contains(identifier) && (after == 0 || ")],;".indexOf(after) >= 0)) {
      return true; // null, "str)" in a signature
    }
    if (after != '(' && after != '[') {
      return false;
    }
    char next = identifierEnd + 1 < end ? text.charAt(identifierEnd + 1) : 0;
    return dotted || next == 0 || next == ')' || next == '"' || next == '\'';
  }

  /** At least 12 characters with upper case, lower case and digits, or 32+ hexadecimal digits. */
  static boolean looksGenerated(String text, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean hex = true;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      digit |= Character.isDigit(c);
      hex &= Character.digit(c, 16) >= 0;
    }
    int length = end - start;
    return length >= 12 && upper && lower && digit || hex && length >= 32;
  }

  /** A word that is not plain prose: 6 or more characters, one of them not a letter. */
  static boolean looksLikeCredential(String text, int start, int end) {
    if (end - start < 6) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The quote entity at {@code at}, or null. */
  static String entityAt(String text, int at) {
    if (at >= text.length() || text.charAt(at) != '&') {
      return null;
    }
    for (String entity : ENTITY_QUOTES) {
      if (text.regionMatches(true, at, entity, 0, entity.length())) {
        return entity;
      }
    }
    return null;
  }

  /** The quote entity that ends at {@code end}, or null. */
  static String entityBefore(String text, int end) {
    if (end == 0 || text.charAt(end - 1) != ';') {
      return null;
    }
    for (String entity : ENTITY_QUOTES) {
      if (end >= entity.length() && text.regionMatches(true, end - entity.length(), entity, 0, entity.length())) {
        return entity;
      }
    }
    return null;
  }

  /** Whether {@code text} at {@code at} is '%' followed by one of {@code codes}, any case. */
  static boolean isEncoded(String text, int at, String... codes) {
    if (at + 3 > text.length() || text.charAt(at) != '%') {
      return false;
    }
    for (String code : codes) {
      if (text.regionMatches(true, at + 1, code, 0, 2)) {
        return true;
      }
    }
    return false;
  }

  static int skipSpaces(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The end of the line, or the first {@code stop} before it. */
  static int lineEnd(String text, int from, char stop) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r'
        && text.charAt(end) != stop) {
      end++;
    }
    return end;
  }

  private static boolean isAll(String text, int start, int end, char c) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }
}
