package io.llmops.observability.internal.config;

import io.llmops.observability.LlmopsEngine;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.SettingKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Settings read from layers in precedence order: the builder's explicit values, system
 * properties, environment variables, the dotenv file. The first layer with a non-blank value
 * wins; a value is parsed once, with an error naming the variable and the layer it came from.
 * Internal.
 */
public final class LayeredSettings implements LlmopsEngine.ResolvedSettings {

  private record Layer(String source, Map<String, String> values) {}

  private final List<Layer> layers;
  private final Map<SettingKey<?>, Optional<Object>> parsed = new ConcurrentHashMap<>();

  private LayeredSettings(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /** Resolves the layers and validates every setting of the core. */
  public static LayeredSettings of(Map<String, String> explicit, Properties systemProperties,
      Map<String, String> environment, @Nullable Path dotEnvFile) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer("LlmopsConfig.Builder", Map.copyOf(explicit)));
    layers.add(new Layer("system property", fromSystemProperties(systemProperties)));
    layers.add(new Layer("environment", environment));
    layers.add(new Layer(String.valueOf(dotEnvFile), DotEnv.read(dotEnvFile)));
    LayeredSettings settings = new LayeredSettings(layers);
    settings.validate(LlmopsSettings.ALL);
    return settings;
  }

  /**
   * Warns about every {@code LLMOPS_*} variable of the layers that neither the SDK (its known
   * variables) nor {@code keys} (the settings of the sink modules present) reads.
   */
  public void warnAboutUnknownVariables(List<SettingKey<?>> keys) {
    List<String> declared = new ArrayList<>();
    for (SettingKey<?> key : keys) {
      declared.addAll(key.names());
    }
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Layer layer : layers) {
      names.put(layer.source(), List.copyOf(layer.values().keySet()));
    }
    UnknownVariables.warn(names, declared);
  }

  /** Parses each of {@code keys} now, so that an invalid value fails the configuration. */
  public void validate(List<SettingKey<?>> keys) {
    for (SettingKey<?> key : keys) {
      get(key);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(SettingKey<T> key) {
    return (T) parsed.computeIfAbsent(key, k -> Optional.ofNullable(parse(k))).orElse(null);
  }

  private @Nullable Object parse(SettingKey<?> key) {
    for (Layer layer : layers) {
      for (String name : key.names()) {
        String raw = layer.values().get(name);
        if (raw != null && !raw.isBlank()) {
          return key.parse(layer.source(), name, raw);
        }
      }
    }
    return key.defaultValue();
  }

  @Override
  public Optional<String> raw(String name) {
    for (Layer layer : layers) {
      String raw = layer.values().get(name);
      if (raw != null && !raw.isBlank()) {
        return Optional.of(raw);
      }
    }
    return Optional.empty();
  }

  /** {@code llmops.max.span.io.bytes} reads as {@code LLMOPS_MAX_SPAN_IO_BYTES}. */
  private static Map<String, String> fromSystemProperties(Properties properties) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String name = key.replace('.', '_').toUpperCase(Locale.ROOT);
      values.putIfAbsent(name, properties.getProperty(key));
    }
    for (String key : properties.stringPropertyNames()) {
      if (key.equals(key.toUpperCase(Locale.ROOT))) {
        values.put(key, properties.getProperty(key)); // the exact name wins over the dotted form
      }
    }
    return values;
  }
}
