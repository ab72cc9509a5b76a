package io.llmops.examples.rag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the fields the demo needs out of a Converse-shaped response map. */
record ConverseResponse(Map<String, Object> raw) {

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> content() {
    Map<String, Object> output = (Map<String, Object>) raw.get("output");
    Map<String, Object> message = (Map<String, Object>) output.get("message");
    return (List<Map<String, Object>>) message.get("content");
  }

  String stopReason() {
    return (String) raw.get("stopReason");
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> block : content()) {
      if (block.get("text") instanceof String s) {
        text.append(s);
      }
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> toolUse() {
    return content().stream()
        .filter(block -> block.containsKey("toolUse"))
        .map(block -> (Map<String, Object>) block.get("toolUse"))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  long usage(String field) {
    return ((Number) ((Map<String, Object>) raw.get("usage")).get(field)).longValue();
  }
}
