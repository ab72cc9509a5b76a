package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The two tools the agent can call; each run is a span of type {@code tool}. */
final class Tools {

  private final DocumentIndex index;

  Tools(DocumentIndex index) {
    this.index = index;
  }

  String run(String name, Map<String, Object> input) {
    return Llmops.tool(name).input("input", input).call(() -> switch (name) {
      case "search_docs" -> searchDocs((String) input.get("query"));
      case "calculator" -> calculate((String) input.get("expression"));
      default -> throw new IllegalArgumentException("unknown tool: " + name);
    });
  }

  private String searchDocs(String query) {
    List<DocumentIndex.Document> hits = index.search(query, 2);
    return hits.stream().map(DocumentIndex.Document::text).collect(Collectors.joining("\n"));
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
