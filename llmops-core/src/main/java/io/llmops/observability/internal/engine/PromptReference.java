package io.llmops.observability.internal.engine;

import org.jspecify.annotations.Nullable;

/**
 * The managed prompt a generation used, kept as two metadata entries (WIRE_FORMAT.md, "Span
 * metadata the SDK writes"). Internal.
 */
final class PromptReference {

  static final String NAME_KEY = "prompt.name";
  static final String VERSION_KEY = "prompt.version";

  private PromptReference() {}

  static boolean validName(@Nullable String name) {
    return name != null && !name.isBlank();
  }

  static boolean validVersion(int version) {
    return version >= 1;
  }
}
