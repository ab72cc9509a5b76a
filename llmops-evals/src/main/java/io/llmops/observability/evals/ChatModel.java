package io.llmops.observability.evals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A chat model that a {@link ChatJudge} asks: one system and one user message in, the
 * assistant's text out. Built in: OpenAI-compatible chat completions (see {@link JudgeConfig}).
 */
@FunctionalInterface
public interface ChatModel {

  CompletableFuture<String> complete(String system, String user);

  /** Backend and model, recorded as evaluator metadata. */
  default Map<String, Object> describe() {
    return Map.of();
  }
}
