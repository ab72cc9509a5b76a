package io.llmops.observability.otlp.internal;

import java.util.Map;

/**
 * The closest Langfuse observation type for each of the wire format's span types
 * (docs/OTLP_LANGFUSE.md); the original type travels in the metadata.
 */
final class ObservationTypes {

  private static final Map<String, String> LANGFUSE = Map.of(
      "span", "span",
      "generation", "generation",
      "agent", "agent",
      "tool", "tool",
      "evaluation", "evaluator",
      "transaction", "chain",
      "crawl_session", "chain",
      "crawl_page", "span",
      "crawl_event", "event");

  private ObservationTypes() {}

  /** Langfuse's lower-case type for {@code spanType}; {@code span} for types it does not know. */
  static String langfuse(String spanType) {
    return LANGFUSE.getOrDefault(spanType, "span");
  }
}
