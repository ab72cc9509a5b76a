package io.llmops.observability.internal.wire;

/**
 * The {@code user:password} part of URLs ({@code scheme://user:password@host}), for any scheme:
 * database, cache and broker URLs, JDBC, git remotes. Lenient where real passwords are: the user
 * may be empty ({@code redis://:pw@host}) and the password may hold '@', '/', '#' or '?'; the
 * credentials end at the last '@' of the URL. Only the userinfo is masked, so the host stays
 * readable. Internal.
 */
final class UrlCredentials {

  private static final String SCHEME_END = "://";
  private static final int MAX_PORT_DIGITS = 5;

  private UrlCredentials() {}

  static void find(String text, MaskedRanges out) {
    int scheme = text.indexOf(SCHEME_END);
    while (scheme >= 0) {
      int start = scheme + SCHEME_END.length();
      int next = text.indexOf(SCHEME_END, start);
      int end = urlEnd(text, start, next < 0 ? text.length() : next);
      int at = lastIndexOf(text, '@', start, end);
      if (at > start && isCredentials(text, start, at)) {
        out.add(start, at);
      }
      scheme = next;
    }
  }

  /** Where the URL starting at {@code from} ends: whitespace, a quote or an angle bracket. */
  private static int urlEnd(String text, int from, int limit) {
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>'
          || c == '\\') {
        return i;
      }
    }
    return limit;
  }

  /**
   * Whether {@code [start, at)} is {@code user:password}: it has a ':' and the user holds no
   * path. {@code host:8080/path/@name} is a host, a port and a path, not credentials.
   */
  private static boolean isCredentials(String text, int start, int at) {
    int colon = indexOf(text, ':', start, at);
    if (colon < 0) {
      return false; // a user name alone, or a path holding '@'
    }
    for (int i = start; i < colon; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return false;
      }
    }
    if (colon == start) {
      return true; // an empty user: only a password
    }
    int digits = colon + 1;
    while (digits < at && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    boolean port = digits > colon + 1 && digits - colon - 1 <= MAX_PORT_DIGITS
        && digits < at && text.charAt(digits) == '/';
    return !port;
  }

  private static int indexOf(String text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(String text, char c, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
