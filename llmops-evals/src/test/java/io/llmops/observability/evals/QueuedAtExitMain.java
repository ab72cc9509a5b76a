package io.llmops.observability.evals;

import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link EvaluationsAtExitTest}, configured by system properties
 * (sinks, judge): records one generation, queues {@code args[0]} evaluations of it on
 * {@link JudgeEvaluations#runner()}, prints how many are pending and when (wall-clock
 * milliseconds), and returns from {@code main}: the JVM exits with them still queued.
 */
public final class QueuedAtExitMain {

  private QueuedAtExitMain() {}

  public static void main(String[] args) {
    int evaluations = Integer.parseInt(args[0]);
    TraceManager.startTrace("queued_at_exit");
    LlmopsContext context;
    String spanId;
    try (Span generation = Llmops.generation("answer").start()) {
      context = LlmopsContext.current();
      spanId = generation.spanId();
    }
    TraceManager.endTrace();
    EvaluationRunner runner = JudgeEvaluations.runner();
    for (int i = 0; i < evaluations; i++) {
      runner.submit(new JudgeRequest(Criterion.RELEVANCE, "question " + i, "answer " + i, null,
          Map.of()), context, spanId);
    }
    System.out.println("exiting pending=" + runner.pending() + " at=" + System.currentTimeMillis());
  }
}
