package io.llmops.observability.spi;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Host patterns, as {@code LLMOPS_PROPAGATE_HOSTS} lists them: {@code *} (every host), {@code
 * host}, {@code host:port}, {@code *.example.com} (any subdomain of example.com). Case does not
 * matter.
 */
record HostPatterns(List<String> patterns) {

  HostPatterns {
    patterns = patterns.stream().map(p -> p.trim().toLowerCase(Locale.ROOT))
        .filter(p -> !p.isEmpty()).toList();
  }

  /** Whether {@code host} (with {@code port}, -1 when the URL names none) matches a pattern. */
  boolean matches(@Nullable String host, int port) {
    if (host == null || patterns.isEmpty()) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      if (matches(pattern, name, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String host, int port) {
    if (pattern.equals("*")) {
      return true;
    }
    String hostPattern = pattern;
    int colon = pattern.lastIndexOf(':');
    if (colon > 0 && pattern.indexOf(']') < colon) {
      if (!pattern.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
      hostPattern = pattern.substring(0, colon);
    }
    if (hostPattern.startsWith("*.")) {
      return host.endsWith(hostPattern.substring(1));
    }
    return host.equals(hostPattern);
  }
}
