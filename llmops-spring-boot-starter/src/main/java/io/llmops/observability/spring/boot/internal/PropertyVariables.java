package io.llmops.observability.spring.boot.internal;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.LlmopsSettings;
import io.llmops.observability.SettingKey;
import io.llmops.observability.spring.boot.LlmopsProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code llmops.*} properties into SDK variables below the SDK's own sources: a property
 * becomes a builder value only when no system property, environment variable or {@code .env}
 * entry sets that variable (under any of its names). Internal.
 */
public final class PropertyVariables {

  private PropertyVariables() {}

  /**
   * The configuration: {@code sources} (system properties, environment, {@code .env}) first,
   * then {@code properties}, then the defaults.
   *
   * @throws IllegalArgumentException naming the variable when a value is invalid
   */
  public static LlmopsConfig config(LlmopsProperties properties, LlmopsConfig.Builder sources) {
    LlmopsConfig fromSources = sources.build();
    variables(properties).forEach((name, value) -> {
      if (fromSources.raw(name).isEmpty() && aliasesUnset(name, fromSources)) {
        sources.set(name, value);
      }
    });
    return sources.build();
  }

  /** The variables the properties set, by name; unset properties are absent. */
  static Map<String, String> variables(LlmopsProperties properties) {
    Map<String, String> variables = new LinkedHashMap<>();
    put(variables, LlmopsSettings.ENABLED, properties.getEnabled());
    put(variables, LlmopsSettings.PROJECT_ID, properties.getProjectId());
    put(variables, LlmopsSettings.ENVIRONMENT, properties.getEnvironment());
    put(variables, LlmopsSettings.MODEL_ID, properties.getDefaultModelId());
    put(variables, LlmopsSettings.SINKS, joined(properties.getSinks()));
    put(variables, LlmopsSettings.FILE_SINK_DIR, properties.getFileSinkDir());
    put(variables, LlmopsSettings.REDACT_KEYS, joined(properties.getRedactKeys()));
    if (properties.getSqs().getUrl() != null) {
      variables.put("AWS_SQS_URL", properties.getSqs().getUrl());
    }
    variables.putAll(properties.getVariables());
    return variables;
  }

  private static void put(Map<String, String> variables, SettingKey<?> key, Object value) {
    if (value != null) {
      variables.put(key.name(), value.toString());
    }
  }

  private static String joined(List<String> values) {
    return values == null ? null : String.join(",", values);
  }

  /** True unless the sources set {@code name} under another of its names (an alias). */
  private static boolean aliasesUnset(String name, LlmopsConfig fromSources) {
    return LlmopsSettings.ALL.stream().filter(key -> key.names().contains(name))
        .flatMap(key -> key.names().stream()).allMatch(alias -> fromSources.raw(alias).isEmpty());
  }
}
