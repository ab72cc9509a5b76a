package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small agent: retrieve context, then let the model call tools until it answers. Every step
 * is a span made with the programmatic API, so the trace shows agent → retrieval, generations
 * and tools.
 */
final class RagAgent {

  private static final int MAX_TURNS = 4;

  private final DocumentIndex index = new DocumentIndex();
  private final Tools tools = new Tools(index);
  private final ScriptedBedrockModel model = new ScriptedBedrockModel();

  String answer(String question) {
    return Llmops.agent("rag_agent").input("question", question).call(() -> {
      String context = retrieve(question);
      StringBuilder conversation = new StringBuilder("Context:\n" + context + "\n\nQuestion: " + question);
      for (int turn = 0; turn < MAX_TURNS; turn++) {
        ConverseResponse response = converse(conversation.toString(), turn);
        var toolUse = response.toolUse();
        if (toolUse.isEmpty()) {
          return response.text();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) toolUse.get().get("input");
        String result = tools.run((String) toolUse.get().get("name"), input);
        conversation.append("\n\nTool result: ").append(result);
      }
      return "I could not finish within " + MAX_TURNS + " turns.";
    });
  }

  private String retrieve(String question) {
    return Llmops.span("retrieve_context").input("query", question).metadata("component", "vector_search")
        .call(() -> index.search(question, 3).stream()
            .map(DocumentIndex.Document::text)
            .collect(Collectors.joining("\n")));
  }

  private ConverseResponse converse(String prompt, int turn) {
    try (Span generation = Llmops.generation("bedrock_converse")
        .model(ScriptedBedrockModel.MODEL_ID)
        .prompt(prompt)
        .input("messages", List.of(Map.of("role", "user", "content", prompt)))
        .start()) {
      ConverseResponse response = new ConverseResponse(model.converse(prompt, turn));
      generation.setOutput(response.raw())
          .setResponse(response.text().isEmpty() ? response.stopReason() : response.text())
          .setUsage(response.usage("inputTokens"), response.usage("outputTokens"))
          .setMetadata("stop_reason", response.stopReason());
      return response;
    }
  }
}
