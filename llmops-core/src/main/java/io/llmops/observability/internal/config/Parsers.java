package io.llmops.observability.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Parsers for configuration text; each returns null for a value it rejects. Internal. */
final class Parsers {

  private Parsers() {}

  static Function<String, String> nonBlank() {
    return raw -> raw.isEmpty() ? null : raw;
  }

  static Function<String, Boolean> bool() {
    return raw -> {
      switch (raw.toLowerCase(Locale.ROOT)) {
        case "true": case "1": case "yes": case "on":
          return Boolean.TRUE;
        case "false": case "0": case "no": case "off":
          return Boolean.FALSE;
        default:
          return null;
      }
    };
  }

  static Function<String, Integer> intRange(int min, int max) {
    return raw -> {
      int value = Integer.parseInt(raw);
      return value >= min && value <= max ? value : null;
    };
  }

  static Function<String, Double> doubleAtLeast(double min) {
    return raw -> {
      double value = Double.parseDouble(raw);
      return Double.isFinite(value) && value >= min ? value : null;
    };
  }

  /** Seconds as a decimal number, as the specification writes its timeouts. */
  static Function<String, Duration> seconds(double min, double max) {
    return raw -> {
      double value = Double.parseDouble(raw);
      if (!Double.isFinite(value) || value < min || value > max) {
        return null;
      }
      return Duration.ofNanos(Math.round(value * 1_000_000_000d));
    };
  }

  static Function<String, Duration> millis(long min, long max) {
    return raw -> {
      long value = Long.parseLong(raw);
      return value >= min && value <= max ? Duration.ofMillis(value) : null;
    };
  }

  static Function<String, String> httpUrl() {
    return raw -> {
      URI uri = URI.create(raw);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? raw : null;
    };
  }

  /** Comma-separated names, trimmed, lower-cased, empty entries dropped. */
  static Function<String, List<String>> nameList() {
    return raw ->
        Arrays.stream(raw.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
  }
}
