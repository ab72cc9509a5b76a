package io.llmops.examples.rag;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small agent: retrieve context, search the web, then let the model call tools until it
 * answers, check the answer and log it. Every step is an annotated method (woven by {@code
 * llmops-agent}) or a telemetry call, so the trace shows every span kind: agent, retrieval,
 * crawl session with pages and events, generations, tools, an evaluation and a transaction.
 */
final class RagAgent {

  private static final int MAX_TURNS = 4;

  private final DocumentIndex index = new DocumentIndex();
  private final Tools tools = new Tools(index);
  private final ScriptedBedrockModel model = new ScriptedBedrockModel();
  private final WebResearch web = new WebResearch();
  private final AnswerChecks checks = new AnswerChecks();
  /** The agent span of the last answer, for feedback that comes after it was sent. */
  private volatile LlmopsContext lastAnswer = LlmopsContext.empty();

  @TrackLlmAgent(name = "rag_agent")
  String answer(String question) {
    lastAnswer = LlmopsContext.current();
    String context = retrieve(question);
    web.research(question);
    StringBuilder conversation = new StringBuilder("Context:\n" + context + "\n\nQuestion: " + question);
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      ConverseResponse response = new ConverseResponse(converse(conversation.toString(), turn));
      var toolUse = response.toolUse();
      if (toolUse.isEmpty()) {
        String answer = response.text();
        checks.check(answer, context);
        checks.record(answer);
        return answer;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> input = (Map<String, Object>) toolUse.get().get("input");
      String result = tools.run((String) toolUse.get().get("name"), input);
      conversation.append("\n\nTool result: ").append(result);
    }
    return "I could not finish within " + MAX_TURNS + " turns.";
  }

  /** Where the last answer was given: its agent span (empty before the first answer). */
  LlmopsContext lastAnswer() {
    return lastAnswer;
  }

  @TrackFunction(name = "retrieve_context", metadata = "component=vector_search")
  private String retrieve(String query) {
    return index.search(query, 3).stream()
        .map(DocumentIndex.Document::text)
        .collect(Collectors.joining("\n"));
  }

  /**
   * One model call. The agent records the prompt (the {@code prompt} argument), and reads the
   * response text and token usage out of the Converse-shaped map it returns.
   */
  @TrackLlmCall(name = "bedrock_converse", model = ScriptedBedrockModel.MODEL_ID)
  private Map<String, Object> converse(String prompt, int turn) {
    Map<String, Object> raw = model.converse(prompt, turn);
    Llmops.currentSpan().setMetadata("stop_reason", new ConverseResponse(raw).stopReason());
    return raw;
  }
}
