package io.llmops.observability.internal.wire;

import java.util.List;

/**
 * The {@code user:password} part of URLs ({@code scheme://user:password@host}), for any scheme:
 * database, cache and broker URLs, JDBC, git remotes; also inside JSON that escapes slashes
 * ({@code https:\/\/u:p@h}) and percent-encoded inside another URL
 * ({@code https%3A%2F%2Fu%3Ap%40h}). Lenient where real passwords are: the user may be empty
 * ({@code redis://:pw@host}) and the password may hold '@', '/', '#' or '?'; the credentials end
 * at the last '@' of the URL. Only the userinfo is masked, so the host stays readable. Internal.
 */
final class UrlCredentials {

  /** How one way of writing URLs spells the scheme's end, the '@', the ':' and the '/'. */
  private record Form(String schemeEnd, String at, String colon, String slash, boolean encoded) {}

  private static final List<Form> FORMS = List.of(
      new Form("://", "@", ":", "/", false),
      new Form(":\\/\\/", "@", ":", "/", false),
      new Form("%3A%2F%2F", "%40", "%3A", "%2F", true),
      new Form("%3a%2f%2f", "%40", "%3a", "%2f", true));
  private static final int MAX_PORT_DIGITS = 5;

  private UrlCredentials() {}

  static void find(String text, MaskedRanges out) {
    boolean escaped = text.indexOf('\\') >= 0;
    boolean encoded = text.indexOf('%') >= 0;
    for (Form form : FORMS) {
      boolean possible = form.encoded() ? encoded : form.schemeEnd().startsWith("://") || escaped;
      int scheme = possible ? text.indexOf(form.schemeEnd()) : -1;
      while (scheme >= 0) {
        int start = scheme + form.schemeEnd().length();
        int next = text.indexOf(form.schemeEnd(), start);
        int end = urlEnd(text, start, next < 0 ? text.length() : next, form);
        int at = lastIndexOf(text, form.at(), start, end);
        if (at > start && isCredentials(text, start, at, form)) {
          out.add(start, at);
        }
        scheme = next;
      }
    }
  }

  /** Where the URL starting at {@code from} ends: whitespace, a quote, an angle bracket. */
  private static int urlEnd(String text, int from, int limit, Form form) {
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>'
          || c == '\\' && !(i + 1 < limit && text.charAt(i + 1) == '/')
          || form.encoded() && c == '&') {
        return i;
      }
    }
    return limit;
  }

  /**
   * Whether {@code [start, at)} is {@code user:password}: it has a ':' and the user holds no
   * path. {@code host:8080/path/@name} is a host, a port and a path, not credentials.
   */
  private static boolean isCredentials(String text, int start, int at, Form form) {
    int colon = indexOf(text, form.colon(), start, at);
    if (colon < 0) {
      return false; // a user name alone, or a path holding '@'
    }
    for (int i = start; i < colon; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#' || text.regionMatches(true, i, form.slash(), 0, form.slash().length())) {
        return false;
      }
    }
    if (colon == start) {
      return true; // an empty user: only a password
    }
    int digits = colon + form.colon().length();
    int first = digits;
    while (digits < at && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    boolean port = digits > first && digits - first <= MAX_PORT_DIGITS && digits < at
        && (text.charAt(digits) == '/' || text.charAt(digits) == '\\'
            || text.regionMatches(true, digits, form.slash(), 0, form.slash().length()));
    return !port;
  }

  /** The first {@code part} inside {@code [from, to)}, or -1; reads nothing outside. */
  private static int indexOf(String text, String part, int from, int to) {
    for (int i = from; i + part.length() <= to; i++) {
      if (text.startsWith(part, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The last {@code part} inside {@code [from, to)}, or -1; reads nothing outside. */
  private static int lastIndexOf(String text, String part, int from, int to) {
    for (int i = to - part.length(); i >= from; i--) {
      if (text.startsWith(part, i)) {
        return i;
      }
    }
    return -1;
  }
}
