package io.llmops.observability.jdkhttp.internal;

import java.net.http.HttpHeaders;
import java.util.function.BiConsumer;

/** Reads {@link HttpHeaders} a value at a time, without HTTP/2 pseudo-headers ({@code :status}). */
final class HeaderMaps {

  private HeaderMaps() {}

  static void forEach(HttpHeaders headers, BiConsumer<String, String> action) {
    headers.map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        values.forEach(value -> action.accept(name, value));
      }
    });
  }
}
