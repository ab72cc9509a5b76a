package io.llmops.observability.weaving;

import io.llmops.observability.TrackLlmAgent;
import io.llmops.observability.TrackLlmCall;
import io.llmops.observability.TrackLlmTool;

/** An agent that searches the docs with a tool, then asks a model: woven at build time. */
public class SupportAgent {

  @TrackLlmAgent(name = "support_agent")
  public String answer(String question) {
    String context = searchDocs(question);
    return askModel(question + "\n" + context);
  }

  @TrackLlmTool(name = "search_docs")
  String searchDocs(String query) {
    return "docs about " + query;
  }

  /** The body an Anthropic model returns, as an HTTP client hands it over. */
  @TrackLlmCall(name = "ask_model", model = "us.anthropic.claude-3-haiku-20240307-v1:0")
  String askModel(String prompt) {
    return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-3-haiku-20240307\",\"content\":[{\"type\":\"text\","
        + "\"text\":\"Reset it in the settings.\"}],\"stop_reason\":\"end_turn\","
        + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":200}}";
  }
}
