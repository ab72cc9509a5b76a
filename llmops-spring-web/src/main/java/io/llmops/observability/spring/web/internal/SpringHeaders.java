package io.llmops.observability.spring.web.internal;

import io.llmops.observability.spi.HeaderSource;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;

/**
 * Spring's headers as the SDK reads them: through {@code HttpHeaders.forEach}, which walks the
 * underlying map (a quarter of the interceptor's cost went into the entry views of {@link
 * HttpHeaders#headerSet()}), or through {@code headerSet()} where a Spring version lacks it.
 * Internal.
 */
public final class SpringHeaders {

  /** Whether this Spring's {@code HttpHeaders} has {@code forEach(BiConsumer)}. */
  private static final boolean FOR_EACH = hasForEach();

  private SpringHeaders() {}

  public static HeaderSource of(HttpHeaders headers) {
    return action -> forEach(headers, action);
  }

  static void forEach(HttpHeaders headers, BiConsumer<String, String> action) {
    if (FOR_EACH) {
      headers.forEach((name, values) -> each(name, values, action));
      return;
    }
    for (Map.Entry<String, List<String>> header : headers.headerSet()) {
      each(header.getKey(), header.getValue(), action);
    }
  }

  private static void each(String name, List<String> values, BiConsumer<String, String> action) {
    for (String value : values) {
      action.accept(name, value);
    }
  }

  private static boolean hasForEach() {
    try {
      HttpHeaders.class.getMethod("forEach", BiConsumer.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
