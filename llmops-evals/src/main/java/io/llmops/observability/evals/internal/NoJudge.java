package io.llmops.observability.evals.internal;

import io.llmops.observability.evals.JudgeEvaluations;
import io.llmops.observability.evals.JudgeException;
import io.llmops.observability.spi.SdkCounters;
import io.llmops.observability.spi.SdkLog;

/**
 * Evaluations skipped for want of a judge: counted under {@value
 * JudgeEvaluations#SKIPPED_COUNTER} and logged once, naming what to set. Internal.
 */
public final class NoJudge {

  private NoJudge() {}

  /** Counts {@code evaluations} skipped. */
  public static void skip(int evaluations) {
    SdkCounters.countDropped(
        JudgeEvaluations.SKIPPED_COUNTER.substring(SdkCounters.DROPPED_PREFIX.length()), evaluations);
  }

  /** Logs once why evaluations are skipped; {@code why} names variables, never their values. */
  public static void logOnce(String why) {
    SdkLog.warnOnce("eval-no-judge", "llmops-evals: @TrackLlmCall evaluations are skipped"
        + " and counted under " + JudgeEvaluations.SKIPPED_COUNTER + ": " + why);
  }

  /** What a judge that turned out to have no backend fails with: the evaluation is skipped. */
  public static final class Unavailable extends JudgeException {

    private static final long serialVersionUID = 1L;

    public Unavailable() {
      super("no_judge", "no judge is available");
    }
  }
}
