package io.llmops.observability.agent.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A weaving's on/off switch, read once when the agent starts: on unless {@code false}, {@code 0},
 * {@code no} or {@code off} (any case) is set as the system property {@code -DVARIABLE}, the
 * dotted system property, or the environment variable, the first one set (the order of the
 * core's configuration). Internal.
 */
record AgentSwitch(String variable, String property) {

  private static final Set<String> OFF = Set.of("false", "0", "no", "off");

  boolean enabled(Properties properties, Map<String, String> environment) {
    String value = properties.getProperty(variable);
    if (value == null) {
      value = properties.getProperty(property);
    }
    if (value == null) {
      value = environment.get(variable);
    }
    return value == null || !OFF.contains(value.trim().toLowerCase(Locale.ROOT));
  }
}
