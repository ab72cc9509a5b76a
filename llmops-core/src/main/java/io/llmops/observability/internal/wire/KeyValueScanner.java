package io.llmops.observability.internal.wire;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds key/value pairs inside free text and masks the value when the key is sensitive: query
 * strings and form bodies ({@code a=1&password=x}, {@code user[password]=x}, percent-encoded
 * {@code password%3Dx}), headers and YAML ({@code Password: x}), JSON held in a string, escaped
 * or not ({@code {\"token\":\"x\"}}), code and config ({@code 'pass' => 'x'}, {@code pw := "x"}),
 * tab-separated columns and a key alone on its line with the value on the next.
 *
 * <p>A hand-written scan instead of regular expressions: one pass finds the separators; for each,
 * the key before it (at most {@link #MAX_KEY} characters) and the value after it are read, so
 * the cost stays linear in the text. Internal.
 */
final class KeyValueScanner {

  private static final int MAX_KEY = 64;
  /** Some fragment of every built-in sensitive key; a key without one is not looked up. */
  private static final List<String> FRAGMENTS = List.of(
      "pass", "pw", "secret", "key", "auth", "cookie", "credential", "token", "bearer", "sig",
      "csrf", "xsrf", "sessid", "sessionid", "sid", "card", "cvv", "cvc");
  /** {@link #FRAGMENTS} by their first letter, 'a' to 'z'. */
  private static final String[][] FRAGMENTS_BY_LETTER = new String[26][];

  /** Authorization schemes whose following word is the actual credential. */
  private static final List<String> AUTH_SCHEMES = List.of(
      "bearer", "basic", "token", "digest", "negotiate", "ntlm", "aws4-hmac-sha256", "apikey");
  /** Headers whose whole value is secret, up to the end of the line. */
  private static final List<String> WHOLE_LINE_HEADERS = List.of(
      "cookie", "setcookie", "authorization", "proxyauthorization");
  /** Values that name no secret: language literals and type names. */
  private static final List<String> LITERALS = List.of(
      "null", "none", "nil", "undefined", "true", "false", "str", "string", "bytes", "int",
      "bool", "secretstr", "any");

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      char first = c;
      FRAGMENTS_BY_LETTER[c - 'a'] =
          FRAGMENTS.stream().filter(f -> f.charAt(0) == first).toArray(String[]::new);
    }
  }

  private final Predicate<String> sensitiveKey;
  private final List<String> extraFragments;

  /**
   * @param sensitiveKey decides a key
   * @param extraFragments further key fragments, squashed ({@code LLMOPS_REDACT_KEYS})
   */
  KeyValueScanner(Predicate<String> sensitiveKey, List<String> extraFragments) {
    this.sensitiveKey = sensitiveKey;
    this.extraFragments = List.copyOf(extraFragments);
  }

  void find(String text, MaskedRanges out) {
    // one cursor per separator kind, each advanced with indexOf: text without them costs a few
    // vectorised scans, not a loop over every character
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    int percent = text.indexOf('%');
    int tab = text.indexOf('\t');
    int newline = text.indexOf('\n');
    int from = 0;
    while (true) {
      equals = advance(text, '=', equals, from);
      colon = advance(text, ':', colon, from);
      percent = advance(text, '%', percent, from);
      tab = advance(text, '\t', tab, from);
      newline = advance(text, '\n', newline, from);
      int at = min(min(equals, colon), min(min(percent, tab), newline));
      if (at < 0) {
        return;
      }
      char c = text.charAt(at);
      if (c == '=' || c == ':') {
        from = pairAt(text, at, 1, out);
      } else if (c == '%') {
        from = isEncoded(text, at, "3D", "3A") ? pairAt(text, at, 3, out) : at + 1;
      } else if (c == '\t') {
        from = tabSeparatedPairAt(text, at, out);
      } else {
        keyLineAt(text, at, out);
        from = at + 1;
      }
    }
  }

  /** The first {@code c} at or after {@code from}, given the last one found at {@code current}. */
  private static int advance(String text, char c, int current, int from) {
    return current < 0 || current >= from ? current : text.indexOf(c, from);
  }

  /** The smaller of two indices, where -1 means none. */
  private static int min(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  /**
   * A pair around the separator {@code [sep, sep + length)} ('=', ':', "%3D", "%3A"). Returns
   * where the scan goes on: after the value when one was read, so no text is read twice.
   */
  private int pairAt(String text, int sep, int length, MaskedRanges out) {
    char c = text.charAt(sep);
    int n = text.length();
    char next = sep + 1 < n ? text.charAt(sep + 1) : 0;
    char previous = sep > 0 ? text.charAt(sep - 1) : 0;
    if (c == '=' && (next == '=' || previous != 0 && "=!<>".indexOf(previous) >= 0)
        || c == ':' && (next == ':' || previous == ':' || next == '/' && sep + 2 < n
            && text.charAt(sep + 2) == '/')) {
      return sep + 1; // a comparison, "::" or a URL scheme
    }
    int keyEnd = skipBackOverClosingQuote(text, skipBackOverSpaces(text, sep));
    int keyStart = keyStart(text, keyEnd);
    if (!mayBeSensitive(text, keyStart, keyEnd)) {
      return sep + length;
    }
    int valueFrom = sep + length;
    if (length == 1 && valueFrom < n && (text.charAt(valueFrom) == '>' || text.charAt(valueFrom) == '=')) {
      valueFrom++; // "=>" and ":="
    }
    valueFrom = skipSpaces(text, valueFrom);
    String key = keyName(text, keyStart, keyEnd);
    Kind kind = kind(key);
    if (kind == Kind.NONE) {
      return sep + length;
    }
    char headerEnd = 0;
    if (c == ':' && WHOLE_LINE_HEADERS.contains(SensitiveKeys.squash(key))) {
      char before = keyStart > 0 ? text.charAt(keyStart - 1) : 0;
      headerEnd = before == '\'' || before == '"' ? before : '\n'; // 'Cookie: a=b; c=d' in a command
    }
    return Math.max(sep + length, maskValue(text, valueFrom, kind, headerEnd, out));
  }

  /** "password{TAB}value": a tab alone separates a key from its value. */
  private int tabSeparatedPairAt(String text, int tab, MaskedRanges out) {
    int valueFrom = skipSpaces(text, tab + 1);
    if (valueFrom < text.length() && "=:".indexOf(text.charAt(valueFrom)) >= 0) {
      return tab + 1; // "key{TAB}= value": the '=' is the separator
    }
    int keyEnd = skipBackOverClosingQuote(text, tab);
    int keyStart = keyStart(text, keyEnd);
    if (!mayBeSensitive(text, keyStart, keyEnd)) {
      return tab + 1;
    }
    String key = keyName(text, keyStart, keyEnd);
    Kind kind = kind(key);
    return kind == Kind.NONE ? tab + 1 : Math.max(tab + 1, maskValue(text, valueFrom, kind, (char) 0, out));
  }

  /** A line holding only a sensitive key: the next line, if it is one word, is its value. */
  private void keyLineAt(String text, int newline, MaskedRanges out) {
    int end = newline;
    while (end > 0 && end > newline - MAX_KEY && text.charAt(end - 1) != '\n'
        && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = keyStart(text, end);
    if (end - start < 2) {
      return;
    }
    int lineStart = start;
    while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
      lineStart--;
    }
    if (lineStart > 0 && text.charAt(lineStart - 1) != '\n'
        || !sensitiveKey.test(text.substring(start, end))) {
      return; // not a key alone on its line
    }
    int valueStart = newline + 1;
    while (valueStart < text.length() && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
      valueStart++;
    }
    int valueEnd = valueStart;
    while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd))) {
      valueEnd++;
    }
    boolean oneWord = valueEnd == text.length() || text.charAt(valueEnd) == '\n'
        || text.charAt(valueEnd) == '\r';
    if (oneWord && !isPlaceholder(text, valueStart, valueEnd)) {
      out.add(valueStart, valueEnd);
    }
  }

  private enum Kind {
    /** Not sensitive. */
    NONE,
    /** Sensitive: any value is masked. */
    SECRET,
    /** A key that may be sensitive: the value is masked when it looks generated. */
    IF_RANDOM
  }

  /**
   * How sensitive the key is. A key whose last word is "key" ({@code MISTRAL_KEY}, "Secret Access
   * Key", "API Key") may or may not name a secret ({@code sort_key}, {@code cache_key}): its
   * value is masked only when it looks generated.
   */
  private Kind kind(String key) {
    if (isSensitive(key)) {
      return Kind.SECRET;
    }
    if (!SensitiveKeys.lastWord(key).equals("key")) {
      return Kind.NONE;
    }
    String squashed = SensitiveKeys.squash(key);
    return squashed.contains("public") || squashed.contains("publishable")
        ? Kind.NONE // public keys are meant to be seen
        : Kind.IF_RANDOM;
  }

  /**
   * Whether the key written at {@code [start, end)} holds a fragment of a sensitive key, read in
   * place: most keys in ordinary text ("Note:", "12:30") are dismissed without a copy.
   */
  private boolean mayBeSensitive(String text, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    if (!extraFragments.isEmpty()) {
      return true; // configured fragments are matched on the squashed key
    }
    for (int i = start; i < end; i++) {
      char c = (char) (text.charAt(i) | 0x20); // ASCII lower case
      if (c < 'a' || c > 'z') {
        continue;
      }
      for (String fragment : FRAGMENTS_BY_LETTER[c - 'a']) {
        if (i + fragment.length() <= end && text.regionMatches(true, i, fragment, 0, fragment.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isSensitive(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String fragment : FRAGMENTS) {
      if (lower.contains(fragment)) {
        return sensitiveKey.test(key);
      }
    }
    if (!extraFragments.isEmpty()) {
      String squashed = SensitiveKeys.squash(key);
      for (String fragment : extraFragments) {
        if (squashed.contains(fragment)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Masks the value starting at {@code from}, quoted or not, and returns where it ends. A header
   * value ({@code headerEnd} not 0) runs to the end of the line, or to {@code headerEnd} when
   * that is the quote around the header.
   */
  private int maskValue(String text, int from, Kind kind, char headerEnd, MaskedRanges out) {
    if (from >= text.length()) {
      return from;
    }
    int start;
    int end;
    int next;
    int quote = quoteLength(text, from);
    if (quote > 0) {
      start = from + quote;
      end = closingQuote(text, from, quote);
      next = Math.min(text.length(), end + quote);
    } else {
      start = from;
      end = headerEnd != 0 ? lineEnd(text, from, headerEnd) : credentialEnd(text, from);
      next = end;
    }
    if (end > start && !isPlaceholder(text, start, end)
        && (kind == Kind.SECRET || looksGenerated(text, start, end))) {
      out.add(start, end);
    }
    return next;
  }

  /** The end of an unquoted value; after an authorization scheme, the end of the next word. */
  private static int credentialEnd(String text, int from) {
    int end = wordEnd(text, from);
    if (AUTH_SCHEMES.contains(text.substring(from, end).toLowerCase(Locale.ROOT))) {
      int credential = end;
      while (credential < text.length() && (text.charAt(credential) == ' ' || isEncoded(text, credential, "20"))) {
        credential += text.charAt(credential) == ' ' ? 1 : 3; // "Bearer x", "Bearer%20x"
      }
      if (credential > end && credential < text.length()) {
        return wordEnd(text, credential); // "Authorization: Bearer <opaque>" masks the credential too
      }
    }
    return end;
  }

  /** The length of the opening quote at {@code at}: ", ', `, \", \\\", %22, %27; 0 if none. */
  private static int quoteLength(String text, int at) {
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
  private static int closingQuote(String text, int open, int length) {
    int n = text.length();
    if (text.charAt(open) == '%') {
      String code = text.substring(open, open + 3);
      for (int i = open + 3; i + 3 <= n; i++) {
        if (text.regionMatches(true, i, code, 0, 3)) {
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
   * Whether the value names no secret: a placeholder ({@code $VAR}, {@code ${VAR}},
   * {@code {{ var }}}, {@code %VAR%}, {@code <your-key>}, {@code ****}), a literal or type name
   * ({@code null}, {@code str}), or code that reads the secret ({@code os.environ["X"]},
   * {@code request.getParameter("password")}, {@code getpass()}, {@code process.env.KEY}).
   */
  private static boolean isPlaceholder(String text, int start, int end) {
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
    int identifierEnd = start;
    boolean dotted = false;
    while (identifierEnd < end && (Character.isLetterOrDigit(text.charAt(identifierEnd))
        || text.charAt(identifierEnd) == '_' || text.charAt(identifierEnd) == '.')) {
      dotted |= text.charAt(identifierEnd) == '.';
      identifierEnd++;
    }
    if (identifierEnd == start || !Character.isLetter(first) && first != '_') {
      return false;
    }
    String identifier = text.substring(start, identifierEnd).toLowerCase(Locale.ROOT);
    String rest = text.substring(identifierEnd, end);
    if (LITERALS.contains(identifier) && rest.chars().allMatch(ch -> ")];,".indexOf(ch) >= 0)) {
      return true;
    }
    boolean call = rest.startsWith("(") || rest.startsWith("[");
    return call && (dotted || rest.startsWith("()") || rest.startsWith("(\"")
        || rest.startsWith("('") || rest.length() == 1);
  }

  /** At least 12 characters with upper case, lower case and digits, or 32+ hexadecimal digits. */
  private static boolean looksGenerated(String text, int start, int end) {
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

  /** Skips back over the closing quote of a quoted key: ", ', \", %22, %27. */
  private static int skipBackOverClosingQuote(String text, int end) {
    if (end >= 3 && text.charAt(end - 3) == '%' && isEncoded(text, end - 3, "22", "27")) {
      return end - 3;
    }
    if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
      end--;
      while (end > 0 && text.charAt(end - 1) == '\\') {
        end--;
      }
    }
    return end;
  }

  private static int skipBackOverSpaces(String text, int end) {
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return end;
  }

  /** The start of the key ending at {@code end}: letters, digits, _ - . [ ] and %XX escapes. */
  private static int keyStart(String text, int end) {
    int start = end;
    while (start > 0 && end - start < MAX_KEY && isKeyChar(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /** The key as written, without percent escapes ({@code user%5Bpassword%5D} is userpassword). */
  private static String keyName(String text, int start, int end) {
    String key = text.substring(start, end);
    if (key.indexOf('%') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == '%' && i + 2 < key.length() && isHex(key.charAt(i + 1)) && isHex(key.charAt(i + 2))) {
        i += 2;
      } else {
        out.append(key.charAt(i));
      }
    }
    return out.toString();
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']'
        || c == '%';
  }

  /** The end of an unquoted value. */
  private static int wordEnd(String text, int from) {
    int end = from;
    while (end < text.length() && !isValueEnd(text, end)) {
      end++;
    }
    return end;
  }

  private static boolean isValueEnd(String text, int i) {
    char c = text.charAt(i);
    return Character.isWhitespace(c) || "&,;\"'`}]".indexOf(c) >= 0
        || c == '\\' && i + 1 < text.length() && "\"'nrt".indexOf(text.charAt(i + 1)) >= 0
        || c == '%' && isEncoded(text, i, "26", "20", "22", "27", "2C", "3B", "7D", "5D", "0A", "0D");
  }

  /** Whether {@code text} at {@code at} is '%' followed by one of {@code codes}, any case. */
  private static boolean isEncoded(String text, int at, String... codes) {
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

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The end of the line, or the first {@code stop} before it. */
  private static int lineEnd(String text, int from, char stop) {
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

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
