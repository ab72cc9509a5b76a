package io.llmops.examples.rag;

import java.util.List;
import java.util.Map;

/**
 * Stands in for Amazon Bedrock's Converse API so the demo runs without an AWS account. Its
 * answers have the shape of a real Converse response (output.message.content, stopReason, usage,
 * metrics); the script asks for the search tool, then the calculator, then answers.
 */
final class ScriptedBedrockModel {

  static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";

  /** One Converse call: {@code turn} is the number of assistant turns so far. */
  Map<String, Object> converse(String prompt, int turn) {
    int inputTokens = 60 + prompt.length() / 4;
    switch (turn) {
      case 0:
        return toolUse("tooluse_search_1", "search_docs", Map.of("query", "Java first released"),
            inputTokens, 31);
      case 1:
        return toolUse("tooluse_calc_1", "calculator", Map.of("expression", "2025 - 1995"),
            inputTokens, 24);
      default:
        return text("Java was first released by Sun Microsystems in 1995, so it turned 30 in 2025.",
            inputTokens, 42);
    }
  }

  private static Map<String, Object> toolUse(String id, String tool, Map<String, Object> input,
      int inputTokens, int outputTokens) {
    Map<String, Object> content = Map.of("toolUse", Map.of("toolUseId", id, "name", tool, "input", input));
    return response(List.of(content), "tool_use", inputTokens, outputTokens);
  }

  private static Map<String, Object> text(String text, int inputTokens, int outputTokens) {
    return response(List.of(Map.of("text", text)), "end_turn", inputTokens, outputTokens);
  }

  private static Map<String, Object> response(List<Map<String, Object>> content, String stopReason,
      int inputTokens, int outputTokens) {
    return Map.of(
        "output", Map.of("message", Map.of("role", "assistant", "content", content)),
        "stopReason", stopReason,
        "usage", Map.of("inputTokens", inputTokens, "outputTokens", outputTokens,
            "totalTokens", inputTokens + outputTokens),
        "metrics", Map.of("latencyMs", 20 + outputTokens));
  }
}
