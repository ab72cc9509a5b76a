package io.llmops.observability.spring.web.internal;

import io.llmops.observability.spi.HeaderSource;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;

/**
 * Spring's headers as the SDK reads them, through {@link HttpHeaders#headerSet()}, which Spring
 * Framework 6.2 and 7 both have with the same signature. Internal.
 */
public final class SpringHeaders {

  private SpringHeaders() {}

  public static HeaderSource of(HttpHeaders headers) {
    return action -> forEach(headers, action);
  }

  static void forEach(HttpHeaders headers, BiConsumer<String, String> action) {
    for (Map.Entry<String, List<String>> header : headers.headerSet()) {
      for (String value : header.getValue()) {
        action.accept(header.getKey(), value);
      }
    }
  }
}
