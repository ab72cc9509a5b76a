package io.llmops.observability.evals;

/**
 * A judge's decision: a score from 0 (worst) to 1 (best), a label and a rationale. The score is
 * required; label and rationale may be null.
 */
public record Verdict(double score, String label, String rationale) {

  public Verdict {
    if (!Double.isFinite(score) || score < 0 || score > 1) {
      throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
    }
    label = label == null || label.isBlank() ? null : label.strip();
    rationale = rationale == null || rationale.isBlank() ? null : rationale.strip();
  }
}
