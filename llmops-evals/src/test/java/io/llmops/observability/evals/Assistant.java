package io.llmops.observability.evals;

import io.llmops.observability.TrackLlmCall;

/** Annotated LLM calls, woven by the agent in {@link AgentEvaluationTest}. */
public class Assistant {

  @TrackLlmCall(model = "chat-model", evals = {"correctness", "relevance"},
      evaluationMetadata = "suite=smoke")
  public String answer(String prompt) {
    return "echo: " + prompt;
  }

  @TrackLlmCall(model = "chat-model", evals = "faithfulness",
      evaluationMetadata = "context=The shop opens 9-17 on weekdays.")
  public String grounded(String prompt) {
    return "We open 9-17 on weekdays.";
  }

  @TrackLlmCall(model = "chat-model", evaluation = true, sampleRate = 0.2)
  public String sampled(String prompt) {
    return "sampled: " + prompt;
  }
}
