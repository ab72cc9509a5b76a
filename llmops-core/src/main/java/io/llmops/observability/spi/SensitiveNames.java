package io.llmops.observability.spi;

import io.llmops.observability.internal.bridge.Bridge;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a header name or query key is sensitive, remembered: the same few names come with every
 * call, and judging one costs more than the rest of recording it. Forgotten when the configuration
 * (whose {@code LLMOPS_REDACT_KEYS} decides) is replaced; at most {@value #MAX_NAMES} names.
 */
final class SensitiveNames {

  private static final int MAX_NAMES = 512;

  /** The names judged so far under the running configuration. */
  private static final PerConfiguration<Map<String, Boolean>> KNOWN =
      new PerConfiguration<>(config -> new ConcurrentHashMap<>());

  private SensitiveNames() {}

  static boolean contains(String name) {
    Map<String, Boolean> known = KNOWN.get();
    Boolean sensitive = known.get(name);
    if (sensitive == null) {
      sensitive = Bridge.core().isSensitiveKey(name);
      if (known.size() < MAX_NAMES) {
        known.put(name, sensitive);
      }
    }
    return sensitive;
  }
}
