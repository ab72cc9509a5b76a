package io.llmops.observability.spi;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value derived from the running configuration, derived again when {@code Llmops.configure}
 * replaces it: what the SPI reads on every request or call without re-parsing settings.
 */
final class PerConfiguration<T> {

  private record Derived<T>(LlmopsConfig config, T value) {}

  private final Function<LlmopsConfig, T> derive;
  private volatile @Nullable Derived<T> current;

  PerConfiguration(Function<LlmopsConfig, T> derive) {
    this.derive = derive;
  }

  T get() {
    LlmopsConfig config = Llmops.config();
    Derived<T> known = current;
    if (known != null && known.config() == config) {
      return known.value();
    }
    Derived<T> fresh = new Derived<>(config, derive.apply(config));
    current = fresh;
    return fresh.value();
  }
}
