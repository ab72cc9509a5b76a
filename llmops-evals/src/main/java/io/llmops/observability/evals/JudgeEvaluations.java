package io.llmops.observability.evals;

import io.llmops.observability.evals.internal.NoJudge;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.ExitTasks;
import io.llmops.observability.Llmops;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The process-wide {@link EvaluationRunner} behind {@code @TrackLlmCall(evals = ...)}. Without
 * {@link #install}, the first evaluation creates it from {@link JudgeConfig} ({@code
 * LLMOPS_JUDGE=openai}, ...); with {@code LLMOPS_JUDGE} unset, the default judge is Bedrock on
 * {@code MODEL_ID} when the AWS SDK is present and finds credentials and a region. Evaluations
 * no judge can take are skipped, counted under {@value #SKIPPED_COUNTER} and logged once naming
 * the variables to set.
 *
 * <pre>{@code
 * JudgeEvaluations.install(new ChatJudge(myModel));           // or configure LLMOPS_JUDGE
 * ...
 * JudgeEvaluations.shutdown(Duration.ofSeconds(10));          // before Llmops.shutdown()
 * }</pre>
 *
 * <p>At JVM exit, before the core's shutdown hook stops the export pipeline, the runner stops
 * taking evaluations and those still queued get up to its {@link EvaluationRunner#exitWait()}
 * ({@value JudgeConfig#SHUTDOWN_TIMEOUT}) to be recorded and so exported; the ones left are
 * logged and lost.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class JudgeEvaluations {

  /** Counter of evaluations skipped because no judge is configured or available. */
  public static final String SKIPPED_COUNTER = "dropped.evaluation_no_judge";

  private static final Object LOCK = new Object();
  private static volatile EvaluationRunner runner;
  private static volatile boolean configured;

  static {
    ExitTasks.add(JudgeEvaluations::finishAtExit);
  }

  private JudgeEvaluations() {}

  /**
   * Uses {@code judge} with the configured queue, threads and timeout; returns the runner.
   *
   * @throws IllegalArgumentException when {@code judge} is null or a judge setting is invalid
   *     (the message names the variable)
   */
  public static EvaluationRunner install(Judge judge) {
    return install(new EvaluationRunner(judge, JudgeConfig.from(Llmops.config())));
  }

  /**
   * Uses {@code next}; the previous runner (if any) is closed after its queue drains.
   *
   * @throws IllegalArgumentException when {@code next} is null
   */
  public static EvaluationRunner install(EvaluationRunner next) {
    if (next == null) {
      throw new IllegalArgumentException("next must not be null");
    }
    EvaluationRunner previous;
    synchronized (LOCK) {
      previous = runner;
      runner = next;
      configured = true;
    }
    if (previous != null && previous != next) {
      previous.close();
    }
    return next;
  }

  /**
   * The runner in use, created from configuration on first use; null (not an empty {@code
   * Optional}) without a judge. Never throws: an invalid configuration is logged and means no
   * judge.
   */
  public static @Nullable EvaluationRunner runner() {
    EvaluationRunner current = runner;
    if (current != null || configured) {
      return current;
    }
    synchronized (LOCK) {
      if (!configured) {
        configured = true;
        try {
          JudgeConfig config = JudgeConfig.from(Llmops.config());
          runner = config.createJudge().map(judge -> new EvaluationRunner(judge, config)).orElse(null);
          if (runner == null) {
            NoJudge.logOnce(config.whyNoJudge());
          }
        } catch (RuntimeException e) {
          SdkLog.error("llmops-evals: invalid judge configuration, evaluations are skipped"
              + " and counted under " + SKIPPED_COUNTER + ": " + e.getMessage(), null);
        }
      }
      return runner;
    }
  }

  /**
   * Stops the runner and waits up to {@code wait} for queued evaluations to be recorded; the next
   * evaluation reads the configuration again. Returns false when some were left.
   *
   * @throws IllegalArgumentException when {@code wait} is null
   */
  public static boolean shutdown(Duration wait) {
    EvaluationRunner.requireWait(wait);
    EvaluationRunner previous;
    synchronized (LOCK) {
      previous = runner;
      runner = null;
      configured = false;
    }
    return previous == null || previous.shutdown(wait);
  }

  /** Run by the core's shutdown hook; the runner stays, closed, so nothing starts another. */
  private static void finishAtExit() {
    EvaluationRunner current = runner;
    if (current != null && !current.shutdown(current.exitWait())) {
      SdkLog.warn("llmops-evals: " + current.pending() + " evaluations were still queued or"
          + " running at JVM exit after " + current.exitWait().toMillis() + " ms ("
          + JudgeConfig.SHUTDOWN_TIMEOUT + "); they are not recorded");
    }
  }
}
