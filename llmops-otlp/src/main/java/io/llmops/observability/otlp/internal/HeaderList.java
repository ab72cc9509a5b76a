package io.llmops.observability.otlp.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code OTEL_EXPORTER_OTLP_HEADERS}: {@code key=value} pairs separated by commas, values
 * percent-decoded, as the OpenTelemetry SDKs read it.
 */
final class HeaderList {

  private HeaderList() {}

  /** The headers, or null when the text is not such a list (the configuration then names the variable). */
  static @Nullable Map<String, String> parse(String raw) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String pair : raw.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        return null;
      }
      String key = pair.substring(0, equals).trim();
      try {
        String value = URLDecoder.decode(pair.substring(equals + 1).trim(), StandardCharsets.UTF_8);
        if (key.isEmpty() || !key.chars().allMatch(HeaderList::isTokenChar)) {
          return null;
        }
        headers.put(key, value);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return Map.copyOf(headers);
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
