package io.llmops.observability.evals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Decides a {@link Verdict} on one response for one criterion: an LLM-as-judge, a rule engine, a
 * classifier. Implementations are called on the evaluation runner's threads, never on the
 * application's; they may complete the future on any thread. A failure (an exceptionally
 * completed future, or an exception thrown) is recorded as a failed evaluation and never reaches
 * the application.
 *
 * <p>Implementations must be thread-safe: the runner's threads call one judge at once.
 *
 * <p>{@link ChatJudge} is the built-in judge that asks a chat model.
 */
@FunctionalInterface
public interface Judge {

  /**
   * Judges {@code request}; the runner waits at most {@code LLMOPS_JUDGE_TIMEOUT} for it. Never
   * returns null (a future completed with null counts as a failed judgement).
   */
  CompletableFuture<Verdict> judge(JudgeRequest request);

  /**
   * What the judge is (backend, model, version), recorded under {@code metadata.evaluator} of
   * every evaluation it decides. Strings, numbers and booleans only; never null.
   */
  default Map<String, Object> describe() {
    return Map.of();
  }
}
