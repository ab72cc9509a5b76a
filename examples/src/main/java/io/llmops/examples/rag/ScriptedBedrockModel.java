package io.llmops.examples.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for Amazon Bedrock's Converse API so the demo runs without an AWS account. Its
 * answers have the shape of a real Converse response (output.message.content, stopReason, usage,
 * metrics) and depend on the conversation, deterministically: first it asks the search tool
 * about the question; if the question asks how old or how long ago and the documents found name
 * a year, it asks the calculator for the years since; then it answers from what the tools
 * returned (or says the documents do not cover the question).
 */
final class ScriptedBedrockModel {

  static final String MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0";
  /** The year the demo's answers count from. */
  static final int THIS_YEAR = 2025;

  private static final Pattern YEAR = Pattern.compile("\\b(1[89]|20)\\d{2}\\b");
  private static final Pattern ASKS_FOR_AGE =
      Pattern.compile("how old|how long ago|how many years|age of", Pattern.CASE_INSENSITIVE);
  private static final String QUESTION = "Question: ";
  private static final String TOOL_RESULT = "Tool result: ";

  /** One Converse call on the conversation so far; {@code turn} is the number of assistant turns. */
  Map<String, Object> converse(String prompt, int turn) {
    int inputTokens = 60 + prompt.length() / 4;
    String question = section(prompt, QUESTION);
    List<String> results = toolResults(prompt);
    if (turn == 0) {
      return toolUse("tooluse_search_1", "search_docs", Map.of("query", question), inputTokens);
    }
    String found = results.isEmpty() ? "" : results.get(0);
    Matcher year = YEAR.matcher(found);
    if (turn == 1 && ASKS_FOR_AGE.matcher(question).find() && year.find()) {
      return toolUse("tooluse_calc_1", "calculator",
          Map.of("expression", THIS_YEAR + " - " + year.group()), inputTokens);
    }
    return text(answer(found, results.size() > 1 ? results.get(1) : null), inputTokens);
  }

  /**
   * From the documents found: the best one, or, with the calculator's result, the one that
   * names the year it counted from.
   */
  private static String answer(String found, String years) {
    if (found.isBlank()) {
      return "The documents I searched say nothing about that.";
    }
    if (years == null) {
      return "According to the documents: " + found.lines().findFirst().orElse(found).strip();
    }
    String dated = found.lines().filter(line -> YEAR.matcher(line).find()).findFirst().orElse(found).strip();
    String sentence = dated.endsWith(".") ? dated.substring(0, dated.length() - 1) : dated;
    return sentence + ", so it is " + years.strip() + " years old in " + THIS_YEAR + ".";
  }

  /** The text after {@code label} up to the next blank line. */
  private static String section(String prompt, String label) {
    int start = prompt.indexOf(label);
    if (start < 0) {
      return "";
    }
    start += label.length();
    int end = prompt.indexOf("\n\n", start);
    return prompt.substring(start, end < 0 ? prompt.length() : end).strip();
  }

  private static List<String> toolResults(String prompt) {
    List<String> results = new ArrayList<>();
    for (int at = prompt.indexOf(TOOL_RESULT); at >= 0; at = prompt.indexOf(TOOL_RESULT, at + 1)) {
      results.add(section(prompt.substring(at), TOOL_RESULT));
    }
    return results;
  }

  /** Output tokens: about four characters each, as the models' tokenizers count English text. */
  private static int outputTokens(String text) {
    return Math.max(1, text.length() / 4);
  }

  private static Map<String, Object> toolUse(String id, String tool, Map<String, Object> input,
      int inputTokens) {
    Map<String, Object> content = Map.of("toolUse", Map.of("toolUseId", id, "name", tool, "input", input));
    return response(List.of(content), "tool_use", inputTokens, outputTokens(tool + input));
  }

  private static Map<String, Object> text(String text, int inputTokens) {
    return response(List.of(Map.of("text", text)), "end_turn", inputTokens, outputTokens(text));
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
