package io.llmops.observability.spi;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
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

  private record Known(LlmopsConfig config, Map<String, Boolean> names) {}

  private static volatile Known known = new Known(null, new ConcurrentHashMap<>());

  private SensitiveNames() {}

  static boolean contains(String name) {
    LlmopsConfig config = Llmops.config();
    Known current = known;
    if (current.config() != config) {
      current = new Known(config, new ConcurrentHashMap<>());
      known = current;
    }
    Boolean sensitive = current.names().get(name);
    if (sensitive == null) {
      sensitive = Bridge.core().isSensitiveKey(name);
      if (current.names().size() < MAX_NAMES) {
        current.names().put(name, sensitive);
      }
    }
    return sensitive;
  }
}
