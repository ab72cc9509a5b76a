package io.llmops.observability.spi;

import java.util.function.BiConsumer;

/** Headers as a client library holds them, given one name and value at a time. */
@FunctionalInterface
public interface HeaderSource {

  /** Gives each header to {@code action}, a value at a time (a name may come several times). */
  void forEachHeader(BiConsumer<String, String> action);
}
