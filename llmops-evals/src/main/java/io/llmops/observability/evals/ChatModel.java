package io.llmops.observability.evals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A chat model that a {@link ChatJudge} asks: one system and one user message in, the
 * assistant's text out. Built in: OpenAI-compatible chat completions and Bedrock Converse (see
 * {@link JudgeConfig}).
 *
 * <p>Implementations must be thread-safe (the runner's threads call one at once) and should not
 * throw: a failure completes the future exceptionally (what is thrown anyway is recorded as a
 * failed evaluation).
 */
@FunctionalInterface
public interface ChatModel {

  /** The assistant's answer to the two messages; never null (a failed future instead). */
  CompletableFuture<String> complete(String system, String user);

  /** Backend and model, recorded as evaluator metadata; never null. */
  default Map<String, Object> describe() {
    return Map.of();
  }
}
