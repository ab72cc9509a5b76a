package io.llmops.observability.evals;

import org.jspecify.annotations.Nullable;

/**
 * A judge's decision: a score from 0 (worst) to 1 (best), a label and a rationale. The score is
 * required; label and rationale may be null, and a blank one becomes null. Immutable and
 * thread-safe.
 */
public record Verdict(double score, @Nullable String label, @Nullable String rationale) {

  /**
   * Validates the score and strips the texts.
   *
   * @throws IllegalArgumentException when {@code score} is not a number from 0 to 1
   */
  public Verdict {
    if (!Double.isFinite(score) || score < 0 || score > 1) {
      throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
    }
    label = label == null || label.isBlank() ? null : label.strip();
    rationale = rationale == null || rationale.isBlank() ? null : rationale.strip();
  }
}
