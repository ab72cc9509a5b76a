package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.HeaderSource;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers held as the JDK's clients hold them, a list of values per name; a null name (the
 * status line {@code HttpURLConnection} lists among its headers) is not a header. Internal.
 */
record HeaderSourceOfMap(Map<String, List<String>> headers) implements HeaderSource {

  @Override
  public void forEachHeader(BiConsumer<String, String> action) {
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        values.forEach(value -> action.accept(name, value));
      }
    });
  }
}
