package io.llmops.observability.evals;

import java.util.Map;

/**
 * What a {@link Judge} is asked to judge.
 *
 * @param criterion what to judge, for example {@link Criterion#CORRECTNESS}
 * @param input the prompt or question the response answers (may be null)
 * @param response the response being judged (may be null)
 * @param context supplied reference material the response should be faithful to (may be null)
 * @param metadata free-form details of the evaluation (never null)
 */
public record JudgeRequest(
    Criterion criterion, String input, String response, String context, Map<String, String> metadata) {

  public JudgeRequest {
    if (criterion == null) {
      throw new IllegalArgumentException("criterion must not be null");
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
