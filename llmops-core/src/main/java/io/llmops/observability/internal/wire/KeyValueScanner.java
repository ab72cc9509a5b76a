package io.llmops.observability.internal.wire;

import static io.llmops.observability.internal.wire.TextValues.closingQuote;
import static io.llmops.observability.internal.wire.TextValues.isEncoded;
import static io.llmops.observability.internal.wire.TextValues.isPlaceholder;
import static io.llmops.observability.internal.wire.TextValues.lineEnd;
import static io.llmops.observability.internal.wire.TextValues.looksGenerated;
import static io.llmops.observability.internal.wire.TextValues.looksLikeCredential;
import static io.llmops.observability.internal.wire.TextValues.quoteLength;
import static io.llmops.observability.internal.wire.TextValues.skipSpaces;
import static io.llmops.observability.internal.wire.TextValues.unquotedEnd;
import static io.llmops.observability.internal.wire.TextValues.wordEnd;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds a sensitive key written in free text and masks the value after it: query strings and
 * form bodies ({@code a=1&password=x}, {@code user[password]=x}, percent-encoded
 * {@code password%3Dx}), headers and YAML ({@code Password: x}, a value on the next indented
 * lines), JSON held in a string, escaped or not ({@code {\"token\":\"x\"}}), code and config
 * ({@code 'pass' => 'x'}, {@code pw := "x"}), XML elements ({@code <password>x</password>}),
 * SQL ({@code PASSWORD 'x'}), tab-separated columns, a key alone on its line with the value on
 * the next, and prose ({@code my password is x1y2z3}).
 *
 * <p>A hand-written scan instead of regular expressions: the markers ('=', ':', " is ", ...) are
 * found with {@code indexOf}; for each, the key before it (at most {@link #MAX_KEY} characters)
 * is read in place and the value after it is read once, so the cost stays linear in the text.
 * Internal.
 */
final class KeyValueScanner {

  private static final int MAX_KEY = 64;
  /** Authorization schemes whose credential is the one word that follows. */
  private static final List<String> AUTH_SCHEMES = List.of(
      "bearer", "basic", "token", "negotiate", "ntlm", "apikey");
  /** Headers whose whole value is secret, up to the end of the line. */
  private static final List<String> COOKIE_HEADERS = List.of("cookie", "setcookie");
  /**
   * Headers whose value is a scheme and a credential: one word after the schemes above, the whole
   * line after others (Digest, AWS4-HMAC-SHA256: several parameters).
   */
  private static final List<String> AUTHORIZATION_HEADERS = List.of("authorization", "proxyauthorization");
  /** Attributes that name the entry a value belongs to: {@code name="DB_PASSWORD" value="x"}. */
  private static final List<String> NAMING_ATTRIBUTES = List.of("name", "key", "type");
  /** How far back the naming attribute of a value may stand, within one record. */
  private static final int RECORD_REACH = 120;
  /** YAML block scalar indicators: the value is on the following indented lines. */
  private static final List<String> BLOCK_INDICATORS = List.of("|", "|-", "|+", ">", ">-", ">+");
  /** What the scan looks for; each has its handler in {@link #handle}. */
  private static final String[] MARKERS = {
      "=", ":", "%", "\t", "\n", ">", "'", "\"", " is ", " was ", " to "};
  /** The {@link TextFeatures} a text needs for each marker to be worth a search. */
  private static final int[] MARKER_FEATURES = {TextFeatures.EQUALS, TextFeatures.COLON,
      TextFeatures.PERCENT, TextFeatures.TAB, TextFeatures.NEWLINE, TextFeatures.GREATER,
      TextFeatures.QUOTE | TextFeatures.SPACE, TextFeatures.QUOTE | TextFeatures.SPACE,
      TextFeatures.SPACE, TextFeatures.SPACE, TextFeatures.SPACE};

  private final SensitiveKeys keys;
  private final Predicate<String> sensitiveKey;

  /**
   * @param keys the sensitive key names
   * @param sensitiveKey decides a key, remembering decisions ({@link Redactor#isSensitiveKey})
   */
  KeyValueScanner(SensitiveKeys keys, Predicate<String> sensitiveKey) {
    this.keys = keys;
    this.sensitiveKey = sensitiveKey;
  }

  /** Adds the values under sensitive keys; {@code features} ({@link TextFeatures}) skips markers. */
  void find(String text, long features, MaskedRanges out) {
    // prose forms ("password is x1y2") only matter where a word holds a digit or a symbol
    boolean credentialChars = TextFeatures.digits(features) > 0 || TextFeatures.has(features, TextFeatures.SYMBOL);
    int[] next = null;
    for (int m = 0; m < MARKERS.length; m++) {
      boolean wanted = TextFeatures.hasAll(features, MARKER_FEATURES[m])
          && (MARKERS[m].length() < 4 || credentialChars);
      int at = wanted ? indexOf(text, MARKERS[m], 0) : -1;
      if (at >= 0 && next == null) {
        next = new int[MARKERS.length];
        Arrays.fill(next, -1);
      }
      if (next != null) {
        next[m] = at;
      }
    }
    if (next == null) {
      return;
    }
    // one cursor per marker, each advanced with indexOf: text without markers costs a few
    // vectorised scans, not a loop over every character
    int from = 0;
    while (true) {
      int marker = -1;
      for (int m = 0; m < MARKERS.length; m++) {
        if (next[m] >= 0 && next[m] < from) {
          next[m] = indexOf(text, MARKERS[m], from);
        }
        if (next[m] >= 0 && (marker < 0 || next[m] < next[marker])) {
          marker = m;
        }
      }
      if (marker < 0) {
        return;
      }
      int at = next[marker];
      from = Math.max(at + 1, handle(text, MARKERS[marker], at, out));
    }
  }

  /** {@code String.indexOf}, by character for one-character markers (the faster search). */
  private static int indexOf(String text, String marker, int from) {
    return marker.length() == 1 ? text.indexOf(marker.charAt(0), from) : text.indexOf(marker, from);
  }

  /** Handles one marker found at {@code at}; returns where the scan may go on. */
  private int handle(String text, String marker, int at, MaskedRanges out) {
    return switch (marker) {
      case "=", ":" -> pairAt(text, at, 1, out);
      case "%" -> isEncoded(text, at, "3D", "3A") ? pairAt(text, at, 3, out) : at + 1;
      case "\t" -> tabSeparatedPairAt(text, at, out);
      case "\n" -> keyLineAt(text, at, out);
      case ">" -> xmlElementAt(text, at, out);
      case "'", "\"" -> at > 0 && text.charAt(at - 1) == ' ' ? quotedAfterKeyAt(text, at - 1, out) : at + 1;
      default -> proseAt(text, at, marker.length(), out);
    };
  }

  /**
   * A pair around the separator {@code [sep, sep + length)}: '=', ':', "%3D", "%3A", also "=>"
   * and ":=".
   */
  private int pairAt(String text, int sep, int length, MaskedRanges out) {
    boolean colon = text.charAt(sep) == ':' || length == 3 && isEncoded(text, sep, "3A");
    int n = text.length();
    char next = sep + 1 < n ? text.charAt(sep + 1) : 0;
    char previous = sep > 0 ? text.charAt(sep - 1) : 0;
    if (!colon && length == 1 && (next == '=' || previous != 0 && "=!<>".indexOf(previous) >= 0)
        || colon && length == 1 && (next == ':' || previous == ':' || text.startsWith("//", sep + 1))) {
      return sep + 1; // a comparison, "::" or a URL scheme
    }
    int keyEnd = skipBackOverClosingQuote(text, skipBackOverSpaces(text, sep));
    int keyStart = keyStart(text, keyEnd);
    boolean namedValue = keyEnd - keyStart == 5 && text.regionMatches(true, keyStart, "value", 0, 5)
        && namesSecretBefore(text, keyStart, NAMING_ATTRIBUTES);
    if (!namedValue && !keys.mayBeSensitive(text, keyStart, keyEnd)) {
      return sep + length;
    }
    String key = keyName(text, keyStart, keyEnd);
    Kind kind = namedValue ? Kind.SECRET : kind(key);
    if (kind == Kind.NONE) {
      return sep + length;
    }
    int valueFrom = sep + length;
    if (length == 1 && valueFrom < n && (text.charAt(valueFrom) == '>' || text.charAt(valueFrom) == '=')) {
      valueFrom++; // "=>" and ":="
    }
    valueFrom = skipSpaces(text, valueFrom);
    char headerEnd = 0;
    String squashed = SensitiveKeys.squash(key);
    if (colon && (COOKIE_HEADERS.contains(squashed)
        || AUTHORIZATION_HEADERS.contains(squashed) && !startsWithAuthScheme(text, valueFrom))) {
      char before = keyStart > 0 ? text.charAt(keyStart - 1) : 0;
      headerEnd = before == '\'' || before == '"' ? before : '\n'; // 'Cookie: a=b; c=d' in a command
    }
    return maskValue(text, valueFrom, kind, colon, headerEnd, out);
  }

  /** "password{TAB}value": a tab alone separates a key from its value. */
  private int tabSeparatedPairAt(String text, int tab, MaskedRanges out) {
    int valueFrom = skipSpaces(text, tab + 1);
    if (valueFrom < text.length() && "=:".indexOf(text.charAt(valueFrom)) >= 0) {
      return tab + 1; // "key{TAB}= value": the '=' is the separator
    }
    Kind kind = kindOfKeyEndingAt(text, skipBackOverClosingQuote(text, tab));
    return kind == Kind.NONE ? tab + 1 : maskValue(text, valueFrom, kind, false, (char) 0, out);
  }

  /** A line holding only a sensitive key: the next line, if it is one word, is its value. */
  private int keyLineAt(String text, int newline, MaskedRanges out) {
    int end = newline;
    while (end > 0 && newline - end < MAX_KEY && text.charAt(end - 1) != '\n'
        && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = keyStart(text, end);
    if (end - start < 2) {
      return newline + 1;
    }
    int lineStart = start;
    while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
      lineStart--;
    }
    if (lineStart > 0 && text.charAt(lineStart - 1) != '\n'
        || kindOfKeyEndingAt(text, end) != Kind.SECRET) {
      return newline + 1; // not a key alone on its line
    }
    int valueStart = skipSpaces(text, newline + 1);
    int valueEnd = valueStart;
    while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd))) {
      valueEnd++;
    }
    boolean oneWord = valueEnd == text.length() || text.charAt(valueEnd) == '\n'
        || text.charAt(valueEnd) == '\r';
    if (oneWord && !isPlaceholder(text, valueStart, valueEnd)) {
      out.add(valueStart, valueEnd);
    }
    return newline + 1;
  }

  /**
   * The text of an element with a sensitive name ({@code <password>x</password>}) or naming a
   * sensitive entry ({@code <entry key="password">x</entry>}, {@code <property name="token">}).
   */
  private int xmlElementAt(String text, int close, MaskedRanges out) {
    int tagStart = close - 1;
    while (tagStart >= 0 && close - tagStart <= RECORD_REACH && "<>".indexOf(text.charAt(tagStart)) < 0) {
      tagStart--;
    }
    if (tagStart < 0 || text.charAt(tagStart) != '<' || tagStart + 1 < close && text.charAt(tagStart + 1) == '/') {
      return close + 1;
    }
    boolean plainName = keyStart(text, close) == tagStart + 1;
    boolean sensitive = plainName ? kindOfKeyEndingAt(text, close) == Kind.SECRET
        : namesSecretBefore(text, close, NAMING_ATTRIBUTES.subList(0, 2));
    if (!sensitive) {
      return close + 1;
    }
    int end = text.indexOf('<', close + 1);
    end = end < 0 ? text.length() : end;
    if (!isPlaceholder(text, close + 1, end)) {
      out.add(close + 1, end);
    }
    return end;
  }

  /**
   * Whether the record that {@code at} belongs to (back to a '{', '[' or '<', at most
   * {@link #RECORD_REACH} characters) names a sensitive entry with one of {@code attributes}:
   * {@code {"name": "DB_PASSWORD", "value": ...}}, {@code - name: API_TOKEN / value: ...},
   * {@code <add key="ApiKey" value="..."/>}.
   */
  private boolean namesSecretBefore(String text, int at, List<String> attributes) {
    int start = at;
    while (start > 0 && at - start < RECORD_REACH && "{[<".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    for (int i = start; i < at; i++) {
      if (i > 0 && isKeyChar(text.charAt(i - 1))) {
        continue; // not the start of a word
      }
      for (String attribute : attributes) {
        if (text.regionMatches(true, i, attribute, 0, attribute.length())
            && namesSecretAfter(text, i + attribute.length(), at)) {
          return true;
        }
      }
    }
    return false;
  }

  /** After an attribute's name at {@code from}: a separator, then a sensitive key name. */
  private boolean namesSecretAfter(String text, int from, int limit) {
    int j = from;
    while (j < limit && "\"'\\".indexOf(text.charAt(j)) >= 0) {
      j++; // the closing quote of a quoted attribute name
    }
    j = skipSpaces(text, j);
    if (j >= limit || text.charAt(j) != ':' && text.charAt(j) != '=') {
      return false;
    }
    j = skipSpaces(text, j + 1);
    while (j < limit && "\"'\\".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    int end = j;
    while (end < limit && isKeyChar(text.charAt(end))) {
      end++;
    }
    return keys.mayBeSensitive(text, j, end) && sensitiveKey.test(keyName(text, j, end));
  }

  /** {@code PASSWORD 'x'} (SQL), {@code the password "x"}: a quoted value after a space. */
  private int quotedAfterKeyAt(String text, int space, MaskedRanges out) {
    int keyEnd = space;
    int keyStart = keyStart(text, keyEnd);
    boolean identifiedBy = keyEnd - keyStart == 2 && text.regionMatches(true, keyStart, "by", 0, 2)
        && keyStart >= 11 && text.regionMatches(true, keyStart - 11, "identified ", 0, 11);
    if (!identifiedBy && kindOfKeyEndingAt(text, keyEnd) != Kind.SECRET) {
      return space + 1;
    }
    return maskValue(text, space + 1, Kind.SECRET, false, (char) 0, out);
  }

  /** "my password is x1y2z3", "the API key was ...": a credential-like word after the verb. */
  private int proseAt(String text, int space, int length, MaskedRanges out) {
    Kind kind = kindOfKeyEndingAt(text, space);
    if (kind == Kind.NONE) {
      return space + 1;
    }
    int start = space + length;
    int end = wordEnd(text, start);
    boolean credential = kind == Kind.SECRET ? looksLikeCredential(text, start, end)
        : looksGenerated(text, start, end);
    if (credential && !isPlaceholder(text, start, end)) {
      out.add(start, end);
    }
    return space + 1;
  }

  private enum Kind {
    /** Not sensitive. */
    NONE,
    /** Sensitive: any value is masked. */
    SECRET,
    /** A key that may be sensitive: the value is masked when it looks generated. */
    IF_RANDOM
  }

  /** The kind of the key that ends at {@code keyEnd}, NONE when there is none. */
  private Kind kindOfKeyEndingAt(String text, int keyEnd) {
    int keyStart = keyStart(text, keyEnd);
    return keys.mayBeSensitive(text, keyStart, keyEnd) ? kind(keyName(text, keyStart, keyEnd)) : Kind.NONE;
  }

  /**
   * How sensitive the key is. A key whose last word is "key" ({@code MISTRAL_KEY}, "Secret Access
   * Key", "API Key") may or may not name a secret ({@code sort_key}, {@code cache_key}): its
   * value is masked only when it looks generated.
   */
  private Kind kind(String key) {
    if (sensitiveKey.test(key)) {
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
   * Masks the value starting at {@code from} and returns where it ends. A quoted value runs to
   * its closing quote. An unquoted one is a word, or after ':' the rest of the line up to a ',',
   * ';' or closing bracket; a header value ({@code headerEnd} not 0) runs to the end of the line,
   * or to {@code headerEnd} when that is the quote around the header. A value that starts on the
   * next indented line, or a YAML block ({@code |}, {@code >-}), is read there.
   */
  private int maskValue(String text, int from, Kind kind, boolean colon, char headerEnd,
      MaskedRanges out) {
    int n = text.length();
    if (from >= n) {
      return from;
    }
    int start = from;
    int end;
    int next;
    int quote = quoteLength(text, from);
    if (quote > 0) {
      start = from + quote;
      end = closingQuote(text, from, quote);
      next = Math.min(n, end + quote);
    } else if (text.charAt(from) == '\n' || text.charAt(from) == '\r') {
      return nextLinesValue(text, from, kind, false, out);
    } else if (headerEnd != 0) {
      end = lineEnd(text, from, headerEnd);
      next = end;
    } else {
      end = credentialEnd(text, from, colon);
      if (BLOCK_INDICATORS.contains(text.substring(from, end))) {
        return nextLinesValue(text, end, kind, true, out);
      }
      next = end;
    }
    if (end > start && !isPlaceholder(text, start, end)
        && (kind == Kind.SECRET || looksGenerated(text, start, end))) {
      out.add(start, end);
    }
    return next;
  }

  /**
   * A value on the lines after {@code lineEnd} ("password:" then an indented line): the next
   * line when it is indented, quoted or not, or for a YAML block every following indented line.
   */
  private int nextLinesValue(String text, int lineEnd, Kind kind, boolean block, MaskedRanges out) {
    int n = text.length();
    int lineStart = lineEnd;
    if (lineStart < n && text.charAt(lineStart) == '\r') {
      lineStart++;
    }
    if (lineStart >= n || text.charAt(lineStart) != '\n') {
      return lineEnd;
    }
    lineStart++;
    int from = skipSpaces(text, lineStart);
    if (from == lineStart || from >= n || Character.isWhitespace(text.charAt(from))) {
      return lineStart; // not indented, or blank: no value here
    }
    if (!block) {
      return maskValue(text, from, kind, true, (char) 0, out);
    }
    int end = TextValues.lineEnd(text, from, '\n');
    while (end + 1 < n && text.charAt(end) == '\n' && skipSpaces(text, end + 1) > end + 1) {
      end = TextValues.lineEnd(text, end + 1, '\n'); // the block goes on while lines are indented
    }
    out.add(from, end);
    return end;
  }

  /** Whether the value at {@code from} opens with a single-credential scheme ("Bearer x"). */
  private static boolean startsWithAuthScheme(String text, int from) {
    int word = unquotedEnd(text, from, false);
    return AUTH_SCHEMES.contains(text.substring(from, word).toLowerCase(Locale.ROOT));
  }

  /**
   * The end of an unquoted value; after an authorization scheme ("Bearer", also "Bearer%20"),
   * the end of the next word.
   */
  private static int credentialEnd(String text, int from, boolean colon) {
    int word = unquotedEnd(text, from, false);
    if (startsWithAuthScheme(text, from)) {
      int credential = word;
      while (credential < text.length() && (text.charAt(credential) == ' ' || isEncoded(text, credential, "20"))) {
        credential += text.charAt(credential) == ' ' ? 1 : 3;
      }
      if (credential > word && credential < text.length()) {
        return unquotedEnd(text, credential, false);
      }
    }
    return colon ? unquotedEnd(text, from, true) : word;
  }

  /** Skips back over the closing quote of a quoted key: ", ', \", %22, %27, &amp;quot;. */
  private static int skipBackOverClosingQuote(String text, int end) {
    String entity = TextValues.entityBefore(text, end);
    if (entity != null) {
      return end - entity.length();
    }
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

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
