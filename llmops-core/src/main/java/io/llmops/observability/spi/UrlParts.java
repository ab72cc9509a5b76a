package io.llmops.observability.spi;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An absolute URL cut into the parts an outbound span needs, without {@link java.net.URI}'s
 * strictness (applications send URLs it rejects): scheme, host, port, path and query; the
 * userinfo and fragment are read past and never kept.
 *
 * @param beforeAuthority {@code https://}, or empty for a URL without a scheme
 * @param host the host in lower case, brackets kept for IPv6; empty when there is none
 * @param port the port written in the URL, -1 when none
 * @param path the path, possibly empty
 * @param query the query without its '?', or null
 */
record UrlParts(String beforeAuthority, String host, int port, String path,
    @Nullable String query) {

  static UrlParts parse(String url) {
    int schemeEnd = url.indexOf("://");
    int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int hostStart = afterCredentials(url, authorityStart);
    int authorityEnd = firstOf(url, hostStart, "/?#");
    String hostPort = url.substring(hostStart, authorityEnd);
    int colon = hostPort.lastIndexOf(':');
    String host = hostPort;
    int port = -1;
    if (colon >= 0 && hostPort.indexOf(']') < colon) {
      host = hostPort.substring(0, colon);
      port = parsePort(hostPort.substring(colon + 1));
    }
    int fragment = url.indexOf('#', authorityEnd);
    int end = fragment < 0 ? url.length() : fragment;
    int question = url.indexOf('?', authorityEnd);
    boolean hasQuery = question >= 0 && question < end;
    String path = url.substring(authorityEnd, hasQuery ? question : end);
    String query = hasQuery ? url.substring(question + 1, end) : null;
    return new UrlParts(url.substring(0, authorityStart), host.toLowerCase(Locale.ROOT), port,
        path, query);
  }

  /** {@code host} or {@code host:port}, as written. */
  String hostAndPort() {
    return port < 0 ? host : host + ":" + port;
  }

  /**
   * Where the host starts: after {@code user:password@} when there is one. A password may hold
   * '/', '?', '#' or '@', so the credentials end at the URL's last '@' when what comes before it
   * is {@code user:...} with no '/' in the user; a plain {@code user@} ends at the first '/'.
   */
  private static int afterCredentials(String url, int from) {
    int at = url.lastIndexOf('@');
    if (at < from) {
      return from;
    }
    int colon = url.indexOf(':', from);
    int slash = firstOf(url, from, "/?#");
    if (colon >= 0 && colon < at && colon < slash && !isPort(url, colon + 1, slash)) {
      return at + 1;
    }
    int plainAt = url.indexOf('@', from);
    return plainAt < slash ? plainAt + 1 : from;
  }

  /** Whether {@code [from, to)} is a port: one to five digits ({@code host:8080/p/@me}). */
  private static boolean isPort(String url, int from, int to) {
    if (to == from || to - from > 5 || to == url.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isDigit(url.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int firstOf(String text, int from, String characters) {
    for (int i = from; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static int parsePort(String digits) {
    try {
      return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
