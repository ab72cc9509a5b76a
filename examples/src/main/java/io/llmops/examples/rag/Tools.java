package io.llmops.examples.rag;

import io.llmops.observability.TrackLlmTool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The two tools the agent can call; each call is a span of type {@code tool} (annotated). */
final class Tools {

  private final DocumentIndex index;

  Tools(DocumentIndex index) {
    this.index = index;
  }

  String run(String name, Map<String, Object> input) {
    return switch (name) {
      case "search_docs" -> searchDocs((String) input.get("query"));
      case "calculator" -> calculator((String) input.get("expression"));
      default -> throw new IllegalArgumentException("unknown tool: " + name);
    };
  }

  @TrackLlmTool(name = "search_docs")
  private String searchDocs(String query) {
    List<DocumentIndex.Document> hits = index.search(query, 2);
    return hits.stream().map(DocumentIndex.Document::text).collect(Collectors.joining("\n"));
  }

  @TrackLlmTool(name = "calculator")
  private String calculator(String expression) {
    return calculate(expression);
  }

  /** Evaluates {@code "a op b"} for + - * /. */
  static String calculate(String expression) {
    String[] parts = expression.trim().split("\\s+");
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected 'a op b', got: " + expression);
    }
    long a = Long.parseLong(parts[0]);
    long b = Long.parseLong(parts[2]);
    long result = switch (parts[1]) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      default -> throw new IllegalArgumentException("unknown operator: " + parts[1]);
    };
    return Long.toString(result);
  }
}
