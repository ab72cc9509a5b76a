package io.llmops.observability.spi;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The hosts of the well-known model APIs, whose calls a generation span already records: a call
 * to one of them from inside an open generation adds its HTTP facts to that generation instead of
 * a client span of its own (docs/OUTBOUND_HTTP.md, "Model APIs").
 */
final class KnownLlmHosts {

  private static final List<String> EXACT = List.of("api.openai.com", "api.anthropic.com",
      "generativelanguage.googleapis.com", "api.mistral.ai", "api.cohere.com", "api.cohere.ai",
      "api.groq.com", "api.together.xyz", "api.deepseek.com");
  private static final List<String> SUFFIXES = List.of(".openai.azure.com",
      "-aiplatform.googleapis.com", ".services.ai.azure.com");

  private KnownLlmHosts() {}

  static boolean contains(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (EXACT.contains(name) || name.startsWith("bedrock-runtime") && name.endsWith(".amazonaws.com")) {
      return true;
    }
    for (String suffix : SUFFIXES) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
