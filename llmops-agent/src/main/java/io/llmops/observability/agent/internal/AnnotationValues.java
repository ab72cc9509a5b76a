package io.llmops.observability.agent.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;

/**
 * One annotation of a woven method as its class file has it, with the annotation type's defaults
 * for the properties it does not set (read from the agent's own copy of the annotation, which is
 * llmops-core's). Internal.
 */
final class AnnotationValues {

  /** Per annotation type: each property and its default (a missing type has none). */
  private static final Map<String, Map<String, Object>> DEFAULTS = new ConcurrentHashMap<>();

  final String typeName;
  private final Map<String, Object> written = new HashMap<>();

  AnnotationValues(AnnotationNode annotation) {
    this.typeName = Type.getType(annotation.desc).getClassName();
    if (annotation.values != null) {
      for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
        written.put((String) annotation.values.get(i), annotation.values.get(i + 1));
      }
    }
  }

  String string(String property) {
    return (String) value(property);
  }

  /**
   * The property's value as written, else its default; an array as {@code String[]}; null when
   * the annotation type has no such property.
   */
  Object value(String property) {
    Object value = written.get(property);
    Object found = value != null ? value : defaults(typeName).get(property);
    return found instanceof List<?> list ? list.toArray(new String[0]) : found;
  }

  private static Map<String, Object> defaults(String typeName) {
    return DEFAULTS.computeIfAbsent(typeName, AnnotationValues::readDefaults);
  }

  private static Map<String, Object> readDefaults(String typeName) {
    Map<String, Object> defaults = new HashMap<>();
    try {
      Class<?> type = Class.forName(typeName, false, AnnotationValues.class.getClassLoader());
      for (Method property : type.getDeclaredMethods()) {
        defaults.put(property.getName(), property.getDefaultValue());
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not one of llmops-core's: it has no properties the reader asks for
    }
    return defaults;
  }
}
