package io.llmops.observability.internal.config;

import java.util.List;
import java.util.function.Function;

/**
 * One configuration variable: its names (the first is canonical; later names are accepted
 * aliases), how its text is parsed and checked, and its default. Internal, may change.
 */
public final class Setting<T> {

  private final List<String> names;
  private final Function<String, T> parser;
  private final String expectation;
  private final T defaultValue;

  Setting(List<String> names, Function<String, T> parser, String expectation, T defaultValue) {
    this.names = List.copyOf(names);
    this.parser = parser;
    this.expectation = expectation;
    this.defaultValue = defaultValue;
  }

  public String name() {
    return names.get(0);
  }

  /** All names, most specific first: within one source the first present name wins. */
  public List<String> names() {
    return names;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /**
   * Parses {@code raw}; a bad value raises IllegalArgumentException naming the variable and what
   * it expects, never the value.
   */
  public T parse(String source, String usedName, String raw) {
    try {
      T value = parser.apply(raw.trim());
      if (value != null) {
        return value;
      }
    } catch (RuntimeException ignored) {
      // fall through to the uniform message below
    }
    // the value is not quoted: it may be a secret set in the wrong variable
    throw new IllegalArgumentException(usedName + " (from " + source + "): expected " + expectation
        + ", but the value set (" + raw.length() + " characters) is not; values are never shown in errors");
  }
}
