package io.llmops.observability.evals;

import io.llmops.observability.Evaluation;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.evals.internal.JudgeRedaction;
import io.llmops.observability.evals.internal.NoJudge;
import io.llmops.observability.spi.SdkLog;
import io.llmops.observability.spi.SdkCounters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs judgements in the background and records each verdict as an {@code evaluation} span
 * under the span it judges. A fixed number of daemon threads ({@code llmops-eval-N}) and a
 * bounded queue: {@link #submit} never blocks and never runs the judge on the caller's thread;
 * when the queue is full the evaluation is dropped and counted under {@value #DROPPED_COUNTER}.
 * A judge is handed each request redacted as exports are ({@code LLMOPS_REDACT_KEYS} included).
 * A judge that fails, times out or answers something unreadable produces an evaluation labelled
 * {@value #FAILED_LABEL} (no score) and is counted under {@value #FAILED_COUNTER}; nothing
 * reaches the application.
 *
 * <p>Thread-safe: any thread may submit, wait or shut down. Only the constructors throw
 * (IllegalArgumentException for invalid arguments), and the waiting methods for a null or
 * negative wait, as each says.
 */
public final class EvaluationRunner implements AutoCloseable {

  /** Counter of evaluations dropped because the queue was full. */
  public static final String DROPPED_COUNTER = "dropped.evaluation_queue_full";
  public static final String COMPLETED_COUNTER = "evaluations.completed";
  public static final String FAILED_COUNTER = "evaluations.failed";
  /** The label of an evaluation whose judge failed. */
  public static final String FAILED_LABEL = "judge_error";

  private final Judge judge;
  private final Duration timeout;
  private final Duration exitWait;
  private final ThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();
  private final Object idle = new Object();

  /**
   * A runner with {@code config}'s threads, queue size, timeout and exit wait.
   *
   * @throws IllegalArgumentException when {@code judge} or {@code config} is null
   */
  public EvaluationRunner(Judge judge, JudgeConfig config) {
    this(judge, requireConfig(config).threads(), config.queueSize(), config.timeout(), config.shutdownTimeout());
  }

  /**
   * A runner with the default {@link #exitWait()}.
   *
   * @throws IllegalArgumentException when {@code judge} or {@code timeout} is null, {@code
   *     threads} or {@code queueSize} is less than 1, or {@code timeout} is not positive
   */
  public EvaluationRunner(Judge judge, int threads, int queueSize, Duration timeout) {
    this(judge, threads, queueSize, timeout, JudgeConfig.DEFAULT_SHUTDOWN_TIMEOUT);
  }

  private EvaluationRunner(Judge judge, int threads, int queueSize, Duration timeout,
      Duration exitWait) {
    if (judge == null) {
      throw new IllegalArgumentException("judge must not be null");
    }
    if (threads < 1 || queueSize < 1 || timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("threads and queueSize must be positive and timeout > 0");
    }
    this.judge = judge;
    this.timeout = timeout;
    this.exitWait = exitWait;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueSize), task -> {
          Thread thread = new Thread(task, "llmops-eval-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues a judgement of the span {@code evaluatedSpanId}, to be recorded under {@code parent}
   * (a context naming that span). Never throws.
   *
   * @param evaluatedSpanId the judged span's id, or null when unknown
   * @return false when it was not queued: a null request or parent, a full queue or a closed
   *     runner (the last two are counted)
   */
  public boolean submit(JudgeRequest request, LlmopsContext parent,
      @Nullable String evaluatedSpanId) {
    if (request == null || parent == null) {
      return false;
    }
    pending.incrementAndGet();
    try {
      executor.execute(() -> run(request, parent, evaluatedSpanId));
      return true;
    } catch (RejectedExecutionException e) {
      done();
      SdkCounters.countDropped(DROPPED_COUNTER.substring("dropped.".length()));
      SdkLog.warnOnce("eval-queue-full", "llmops-evals: the evaluation queue is full ("
          + executor.getQueue().remainingCapacity() + " free) or closed; evaluations are dropped"
          + " and counted under " + DROPPED_COUNTER + " (raise " + JudgeConfig.QUEUE_SIZE
          + " or " + JudgeConfig.THREADS + ")");
      return false;
    }
  }

  private void run(JudgeRequest request, LlmopsContext parent, @Nullable String evaluatedSpanId) {
    try {
      Verdict verdict = null;
      Throwable failure = null;
      CompletableFuture<Verdict> future = null;
      try {
        future = judge.judge(JudgeRedaction.redact(request));
        verdict = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (verdict == null) {
          failure = new JudgeException("no_verdict", "the judge returned no verdict");
        }
      } catch (TimeoutException e) {
        future.cancel(true);
        failure = new JudgeException("timeout",
            "the judge did not decide within " + timeout.toMillis() + " ms", e);
      } catch (ExecutionException e) {
        failure = e.getCause() != null ? e.getCause() : e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failure = e;
      }
      if (failure instanceof NoJudge.Unavailable) {
        NoJudge.skip(1);
        return;
      }
      record(request, parent, evaluatedSpanId, verdict, failure);
    } catch (RuntimeException | Error e) {
      SdkCounters.increment(FAILED_COUNTER);
      SdkLog.errorOnce("eval-record", "llmops-evals: an evaluation could not be recorded", e);
    } finally {
      done();
    }
  }

  private void record(JudgeRequest request, LlmopsContext parent,
      @Nullable String evaluatedSpanId, @Nullable Verdict verdict, @Nullable Throwable failure) {
    Map<String, Object> evaluator = new LinkedHashMap<>();
    evaluator.put("type", "llm_judge");
    evaluator.put("criterion", request.criterion().name());
    evaluator.putAll(judge.describe());
    request.metadata().forEach((key, value) -> {
      if (!key.equals("context")) {
        evaluator.putIfAbsent(key, value);
      }
    });
    Evaluation.Builder builder = Evaluation.builder().name(request.criterion().name())
        .evaluatedSpanId(evaluatedSpanId).parent(parent);
    if (failure == null) {
      builder.score(verdict.score()).label(verdict.label()).rationale(verdict.rationale());
      SdkCounters.increment(COMPLETED_COUNTER);
    } else {
      String reason = failure instanceof JudgeException judged ? judged.reason() : "judge_failed";
      String message = failure.getMessage() == null ? failure.getClass().getSimpleName()
          : failure.getMessage();
      evaluator.put("status", "failed");
      evaluator.put("error", reason);
      builder.label(FAILED_LABEL).rationale("The judge could not decide: " + message);
      SdkCounters.increment(FAILED_COUNTER);
      SdkLog.warnOnce("eval-failed-" + reason, "llmops-evals: a judgement failed (" + reason
          + "): " + message + "; recorded as label " + FAILED_LABEL + " and counted under "
          + FAILED_COUNTER + ". The application is unaffected; further failures of this kind are"
          + " only counted");
    }
    Llmops.recordEvaluation(builder.evaluatorMetadata(evaluator).build());
  }

  private void done() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /**
   * How long evaluations still queued at JVM exit may hold it up when this is the runner of
   * {@link JudgeEvaluations} ({@value JudgeConfig#SHUTDOWN_TIMEOUT}).
   */
  public Duration exitWait() {
    return exitWait;
  }

  /** Evaluations queued or running. */
  public int pending() {
    return pending.get();
  }

  /**
   * Waits until every submitted evaluation has been recorded; false on timeout or interruption.
   *
   * @throws IllegalArgumentException when {@code wait} is null
   */
  public boolean awaitIdle(Duration wait) {
    requireWait(wait);
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Stops taking evaluations; those queued still run. Idempotent. */
  @Override
  public void close() {
    executor.shutdown();
  }

  /**
   * Closes, then waits up to {@code wait} for queued evaluations; false when some were left.
   *
   * @throws IllegalArgumentException when {@code wait} is null
   */
  public boolean shutdown(Duration wait) {
    requireWait(wait);
    close();
    return awaitIdle(wait);
  }

  private static JudgeConfig requireConfig(JudgeConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return config;
  }

  static void requireWait(Duration wait) {
    if (wait == null) {
      throw new IllegalArgumentException("wait must not be null");
    }
  }
}
