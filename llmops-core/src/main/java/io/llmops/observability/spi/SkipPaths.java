package io.llmops.observability.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paths an inbound filter does not trace: exact paths, prefixes ({@code /actuator/*}) and
 * suffixes ({@code *.css}), compared without regard to case.
 */
final class SkipPaths {

  static final List<String> DEFAULTS = List.of("/health", "/healthz", "/ready", "/readyz",
      "/live", "/livez", "/ping", "/metrics", "/favicon.ico", "/actuator/*", "/static/*",
      "*.css", "*.js", "*.map", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.svg", "*.ico",
      "*.woff", "*.woff2");

  private final List<String> exact = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> suffixes = new ArrayList<>();

  SkipPaths(List<String> patterns) {
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT);
      if (p.endsWith("*")) {
        prefixes.add(p.substring(0, p.length() - 1));
      } else if (p.startsWith("*")) {
        suffixes.add(p.substring(1));
      } else {
        exact.add(p);
      }
    }
  }

  /** The patterns of a setting's text; null (rejected) for a pattern that is neither form. */
  static List<String> parse(String raw) {
    List<String> patterns = new ArrayList<>();
    for (String part : raw.split(",")) {
      String pattern = part.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      if (!pattern.startsWith("/") && !pattern.startsWith("*")) {
        return null;
      }
      patterns.add(pattern);
    }
    return List.copyOf(patterns);
  }

  boolean contains(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (exact.contains(p)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (p.startsWith(prefix)) {
        return true;
      }
    }
    for (String suffix : suffixes) {
      if (p.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
