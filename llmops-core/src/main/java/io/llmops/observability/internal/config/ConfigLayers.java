package io.llmops.observability.internal.config;

import io.llmops.observability.spi.SettingKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The configuration sources in precedence order: explicit values, system properties, environment
 * variables, the {@code .env} file. Internal.
 */
public final class ConfigLayers {

  /** One source: a name for error messages and its variables. */
  public record Layer(String source, Map<String, String> values) {}

  /** A value found for a setting, with where it came from. */
  public record Found(String source, String name, String raw) {}

  private final List<Layer> layers;

  public ConfigLayers(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /**
   * The first source that has any of the setting's names; within it, the first such name. A
   * blank value ({@code AWS_SQS_URL=} in a {@code .env} template) counts as not set.
   */
  public Optional<Found> find(SettingKey<?> setting) {
    for (Layer layer : layers) {
      for (String name : setting.names()) {
        String raw = layer.values().get(name);
        if (raw != null && !raw.isBlank()) {
          return Optional.of(new Found(layer.source(), name, raw));
        }
      }
    }
    return Optional.empty();
  }

  /** The raw text of any variable, for settings owned by other modules. */
  public Optional<String> raw(String name) {
    for (Layer layer : layers) {
      String raw = layer.values().get(name);
      if (raw != null && !raw.isBlank()) {
        return Optional.of(raw);
      }
    }
    return Optional.empty();
  }

  /**
   * System properties under the variable's own name ({@code -DLLMOPS_SINKS=file}) or its dotted
   * lower-case form ({@code -Dllmops.sinks=file}).
   */
  public static Map<String, String> fromSystemProperties(Properties properties) {
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
