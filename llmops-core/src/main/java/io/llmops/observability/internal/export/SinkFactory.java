package io.llmops.observability.internal.export;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.SinkMetrics;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SinkProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses the sinks: the names in {@code LLMOPS_SINKS} when set (plus sinks added in code);
 * otherwise the sinks added in code, or every provider enabled by default (the SQS sink when
 * {@code AWS_SQS_URL} is set), or else the file sink. Each provider validates its settings here,
 * on the configuring thread ({@link SinkProvider#prepare}); the sinks are built on their lanes.
 * Internal.
 */
public final class SinkFactory {

  private SinkFactory() {}

  /** Providers found on the class path, by name. */
  public static Map<String, SinkProvider> providers() {
    Map<String, SinkProvider> providers = new LinkedHashMap<>();
    try {
      for (SinkProvider provider : ServiceLoader.load(SinkProvider.class, SinkFactory.class.getClassLoader())) {
        providers.putIfAbsent(provider.name(), provider);
      }
    } catch (ServiceConfigurationError e) {
      SdkLog.error("llmops: a sink provider could not be loaded", e);
    }
    return providers;
  }

  /** Rejects names in {@code LLMOPS_SINKS} that none of {@code providers} has, at configuration time. */
  public static void validateNames(List<String> names, Map<String, SinkProvider> providers) {
    if (names.isEmpty()) {
      return;
    }
    for (String name : names) {
      if (!providers.containsKey(name)) {
        throw new IllegalArgumentException("LLMOPS_SINKS: unknown sink '" + name
            + "'; available: " + providers.keySet());
      }
    }
  }

  /**
   * @throws IllegalArgumentException when a chosen provider refuses the configuration; no sink
   *     of a provider that overrides {@link SinkProvider#prepare} is built then
   */
  static List<SinkRecipe> prepare(LlmopsConfig config, SinkMetrics metrics) {
    Map<String, SinkProvider> providers = providers();
    List<SinkRecipe> sinks = new ArrayList<>();
    if (!config.sinkNames().isEmpty()) {
      for (String name : config.sinkNames()) {
        sinks.add(prepare(providers.get(name), config, metrics));
      }
      config.extraSinks().forEach(sink -> sinks.add(SinkRecipe.of(sink)));
      return List.copyOf(sinks);
    }
    if (!config.extraSinks().isEmpty()) {
      return config.extraSinks().stream().map(SinkRecipe::of).toList();
    }
    for (SinkProvider provider : providers.values()) {
      if (provider.enabledByDefault(config)) {
        sinks.add(prepare(provider, config, metrics));
      }
    }
    if (sinks.isEmpty()) {
      ModuleHints.warnAboutAbsentModules(config);
      sinks.add(prepare(providers.get(FileSink.NAME), config, metrics));
    }
    return List.copyOf(sinks);
  }

  private static SinkRecipe prepare(SinkProvider provider, LlmopsConfig config, SinkMetrics metrics) {
    return new SinkRecipe(provider.name(), provider.prepare(config, metrics), true);
  }
}
